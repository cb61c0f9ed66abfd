package io.streamwire.mpegts;

import io.streamwire.mpegts.psi.Descriptor;
import java.util.List;

/**
 * What an elementary stream carries, from its stream_type (ISO/IEC 13818-1:2019 Table 2-34) and, for
 * private types, its descriptors (DVB AC-3/E-AC-3 descriptors, registration "AC-3"/"EAC3"/"ID3 ").
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public enum StreamType {
    /** H.264/AVC, stream_type 0x1B. */
    H264(true),
    /** H.265/HEVC, 0x24. */
    HEVC(true),
    /** MPEG-1/2 video, 0x01/0x02. */
    MPEG_VIDEO(true),
    /** AAC in ADTS, 0x0F. */
    AAC_ADTS(true),
    /** AAC in LATM/LOAS, 0x11. */
    AAC_LATM(true),
    /** MPEG-1/2 audio layers I-III, 0x03/0x04. */
    MPEG_AUDIO(true),
    /** AC-3: 0x81 (ATSC), or 0x06 with an AC-3 descriptor or registration. */
    AC3(true),
    /** E-AC-3: 0x87 (ATSC), or 0x06 with an enhanced AC-3 descriptor or registration. */
    EAC3(true),
    /** ID3 timed metadata in PES, 0x15 (or 0x06 with registration "ID3 "). */
    ID3(true),
    /** SCTE-35 splice_info_sections, 0x86. */
    SCTE35(false),
    /** Private sections, 0x05. */
    PRIVATE_SECTIONS(false),
    /** PES private data (0x06 without a known descriptor) and every other stream_type. */
    OTHER(true);

    private final boolean pes;

    StreamType(boolean pes) {
        this.pes = pes;
    }

    /** True when the stream carries PES packets (false: sections). */
    public boolean isPes() {
        return pes;
    }

    /** Classifies a stream_type with its ES descriptors. */
    public static StreamType of(int streamType, List<Descriptor> esInfo) {
        switch (streamType) {
            case 0x1B: return H264;
            case 0x24: return HEVC;
            case 0x01: case 0x02: return MPEG_VIDEO;
            case 0x0F: return AAC_ADTS;
            case 0x11: return AAC_LATM;
            case 0x03: case 0x04: return MPEG_AUDIO;
            case 0x81: return AC3;
            case 0x87: return EAC3;
            case 0x15: return ID3;
            case 0x86: return SCTE35;
            case 0x05: return PRIVATE_SECTIONS;
            case 0x06:
                for (Descriptor d : esInfo) {
                    if (d.tag() == Descriptor.TAG_AC3) {
                        return AC3;
                    }
                    if (d.tag() == Descriptor.TAG_EAC3) {
                        return EAC3;
                    }
                    if (d.typed() instanceof Descriptor.Registration r) {
                        switch (r.formatIdentifierString()) {
                            case "AC-3": return AC3;
                            case "EAC3": return EAC3;
                            case "ID3 ": return ID3;
                            default: break;
                        }
                    }
                }
                return OTHER;
            default:
                return OTHER;
        }
    }
}

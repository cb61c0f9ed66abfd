package io.streamwire.mpegts;

import io.streamwire.mpegts.internal.PayloadProbe;
import io.streamwire.mpegts.psi.Descriptor;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * What an elementary stream carries, from its stream_type (ISO/IEC 13818-1:2019 Table 2-34) and, for
 * private and metadata types, its descriptors (DVB AC-3/E-AC-3 descriptors, registration
 * "AC-3"/"EAC3"/"ID3 "/"KLVA", metadata_descriptor §2.6.60–61).
 *
 * <p>A private stream (0x06) that no descriptor identifies is {@link #OTHER}; {@link #probe} can
 * tell, on request, whether its payload is ADTS, LATM/LOAS, AC-3 or E-AC-3.
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
    /**
     * ID3 timed metadata in PES: 0x15 whose metadata_descriptor (or registration) has the format
     * identifier "ID3 " (Apple's HLS layout), or 0x06 with registration "ID3 ".
     */
    ID3(true),
    /**
     * SMPTE KLV metadata (SMPTE ST 336, carried as SMPTE RP 217 / MISB ST 1402 say): 0x15 whose
     * metadata_descriptor (or registration) has the format identifier "KLVA" (synchronous), or 0x06
     * with registration "KLVA" (asynchronous).
     *
     * @since 0.1.0
     */
    KLV(true),
    /** SCTE-35 splice_info_sections, 0x86. */
    SCTE35(false),
    /** Private sections, 0x05. */
    PRIVATE_SECTIONS(false),
    /**
     * PES private data (0x06 without a known descriptor), metadata in PES (0x15) whose format is
     * neither "ID3 " nor "KLVA" or not declared, and every other stream_type.
     */
    OTHER(true);

    /** format identifier "ID3 ". */
    private static final long ID3_FORMAT = 0x49443320L;
    /** format identifier "KLVA" (SMPTE RP 217). */
    private static final long KLVA_FORMAT = 0x4B4C5641L;

    private final boolean pes;

    StreamType(boolean pes) {
        this.pes = pes;
    }

    /** True when the stream carries PES packets (false: sections). */
    public boolean isPes() {
        return pes;
    }

    /**
     * Classifies a stream_type with its ES descriptors.
     *
     * @implNote stream_type 0x15 (metadata in PES) names no format by itself: it is {@link #ID3} or
     *     {@link #KLV} only when a metadata_descriptor with metadata_format 0xFF, or a registration
     *     descriptor, gives the format identifier "ID3 " or "KLVA" (ISO/IEC 13818-1 §2.6.60–61), and
     *     {@link #OTHER} otherwise.
     */
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
            case 0x15: return metadata(esInfo);
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
                            case "KLVA": return KLV;
                            default: break;
                        }
                    }
                }
                return OTHER;
            default:
                return OTHER;
        }
    }

    /** Metadata in PES (0x15): the format its metadata_descriptor or registration names. */
    private static StreamType metadata(List<Descriptor> esInfo) {
        for (Descriptor d : esInfo) {
            long format = -1;
            if (d.tag() == Descriptor.TAG_METADATA && d.typed() instanceof Descriptor.Metadata m && m.metadataFormat() == 0xFF) {
                format = m.metadataFormatIdentifier();
            } else if (d.typed() instanceof Descriptor.Registration r) {
                format = r.formatIdentifier() & 0xFFFFFFFFL;
            }
            if (format == ID3_FORMAT) {
                return ID3;
            }
            if (format == KLVA_FORMAT) {
                return KLV;
            }
        }
        return OTHER;
    }

    /**
     * Probes a PES payload of a stream its descriptors do not identify (a private stream, 0x06, is
     * {@link #OTHER}), e.g. the payload of its first PES reassembled with
     * {@link io.streamwire.core.Interest#WHOLE}: finds two consecutive audio frames whose sync words
     * and frame lengths agree. Looks for, in this order at each byte:
     * <ul>
     *   <li>{@link #AAC_ADTS}: syncword 0xFFF with layer 0 (ISO/IEC 14496-3 §1.A.2.2), a valid
     *       sampling_frequency_index and aac_frame_length, and the next frame's header with the same
     *       ID, profile and sampling_frequency_index at the end of this one;</li>
     *   <li>{@link #AAC_LATM}: LOAS AudioSyncStream syncword 0x2B7 (ISO/IEC 14496-3 §1.7.2) with
     *       audioMuxLengthBytes leading to the next syncword;</li>
     *   <li>{@link #AC3}: syncword 0x0B77, bsid ≤ 10, a valid fscod and frmsizecod (ATSC A/52 §5.4.1,
     *       Table 5.18) leading to the next syncword with the same fscod;</li>
     *   <li>{@link #EAC3}: syncword 0x0B77, bsid 11–16, frmsiz (A/52 Annex E §E.1.2.2) leading to the
     *       next E-AC-3 syncword.</li>
     * </ul>
     * A frame may start anywhere in the payload (a PES need not start with one), but both frames
     * must lie in it; give more than one PES when a PES holds a single frame. This reads the payload,
     * allocates nothing and does not move its position; it is not part of demuxing (opt in by calling
     * it for the streams you want to identify).
     *
     * @param payload the bytes between position and limit
     * @return {@link #AAC_ADTS}, {@link #AAC_LATM}, {@link #AC3} or {@link #EAC3}, or {@link #OTHER}
     *     when no two consecutive frames of those formats are found
     * @since 0.1.0
     */
    public static StreamType probe(ByteBuffer payload) {
        return PayloadProbe.probe(payload);
    }
}

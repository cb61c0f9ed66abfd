package io.streamwire.h264;

import io.streamwire.core.TruncatedInputException;
import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The AVCDecoderConfigurationRecord of ISO/IEC 14496-15 §5.3.3.1 (the {@code avcC} box body and the
 * RTMP/FLV AVC sequence header).
 *
 * <pre>
 * configurationVersion u8 = 1, AVCProfileIndication u8, profile_compatibility u8,
 * AVCLevelIndication u8, reserved '111111'b + lengthSizeMinusOne u2,
 * reserved '111'b + numOfSequenceParameterSets u5, { sequenceParameterSetLength u16, NAL unit },
 * numOfPictureParameterSets u8, { pictureParameterSetLength u16, NAL unit },
 * [profile 100, 110, 122, 144: reserved '111111'b + chroma_format u2,
 *   reserved '11111'b + bit_depth_luma_minus8 u3, reserved '11111'b + bit_depth_chroma_minus8 u3,
 *   numOfSequenceParameterSetExt u8, { sequenceParameterSetExtLength u16, NAL unit }]
 * </pre>
 *
 * <p>The reserved bits are not kept: they are written as 1s, as the standard requires. Parameter
 * set buffers are read-only copies, so the record never shares the caller's buffer.
 *
 * <p>Immutable and thread-safe.
 *
 * @param configurationVersion configurationVersion, 8 bits, 1
 * @param avcProfileIndication AVCProfileIndication (profile_idc), 8 bits
 * @param profileCompatibility profile_compatibility (the constraint_set flags byte), 8 bits
 * @param avcLevelIndication AVCLevelIndication (level_idc), 8 bits
 * @param lengthSizeMinusOne lengthSizeMinusOne, 2 bits, 0, 1 or 3
 * @param sequenceParameterSets SPS NAL units, at most 31, each at most 65,535 bytes
 * @param pictureParameterSets PPS NAL units, at most 255, each at most 65,535 bytes
 * @param highProfileExtension the High-profile fields, or null when absent
 *
 * @since 0.1.0
 */
public record AvcDecoderConfigurationRecord(int configurationVersion, int avcProfileIndication, int profileCompatibility,
        int avcLevelIndication, int lengthSizeMinusOne, List<ByteBuffer> sequenceParameterSets,
        List<ByteBuffer> pictureParameterSets, HighProfileExtension highProfileExtension) {

    private static final String SPEC = "ISO/IEC 14496-15 §5.3.3.1";

    /**
     * The fields following the parameter sets for profiles 100, 110, 122 and 144.
     *
     * @param chromaFormat chroma_format (chroma_format_idc), 2 bits
     * @param bitDepthLumaMinus8 bit_depth_luma_minus8, 3 bits
     * @param bitDepthChromaMinus8 bit_depth_chroma_minus8, 3 bits
     * @param sequenceParameterSetExtNalUnits SPS extension NAL units (type 13), at most 255
     */
    public record HighProfileExtension(int chromaFormat, int bitDepthLumaMinus8, int bitDepthChromaMinus8,
            List<ByteBuffer> sequenceParameterSetExtNalUnits) {
        /** Checks widths and copies the list. */
        public HighProfileExtension {
            if (chromaFormat >>> 2 != 0 || bitDepthLumaMinus8 >>> 3 != 0 || bitDepthChromaMinus8 >>> 3 != 0) {
                throw new IllegalArgumentException("high profile fields out of range");
            }
            sequenceParameterSetExtNalUnits = copy(sequenceParameterSetExtNalUnits, 255);
        }
    }

    /** Checks widths and counts, and copies the lists. */
    public AvcDecoderConfigurationRecord {
        if (configurationVersion >>> 8 != 0 || avcProfileIndication >>> 8 != 0 || profileCompatibility >>> 8 != 0
                || avcLevelIndication >>> 8 != 0 || lengthSizeMinusOne >>> 2 != 0 || lengthSizeMinusOne == 2) {
            throw new IllegalArgumentException("configuration fields out of range");
        }
        sequenceParameterSets = copy(sequenceParameterSets, 31);
        pictureParameterSets = copy(pictureParameterSets, 255);
    }

    private static List<ByteBuffer> copy(List<ByteBuffer> nals, int max) {
        Objects.requireNonNull(nals, "nals");
        if (nals.size() > max) {
            throw new IllegalArgumentException(nals.size() + " parameter sets, at most " + max);
        }
        List<ByteBuffer> out = new ArrayList<>(nals.size());
        for (ByteBuffer nal : nals) {
            if (nal.remaining() > 0xFFFF) {
                throw new IllegalArgumentException("parameter set of " + nal.remaining() + " bytes, at most 65535");
            }
            byte[] b = new byte[nal.remaining()];
            nal.duplicate().get(b);
            out.add(ByteBuffer.wrap(b).asReadOnlyBuffer());
        }
        return List.copyOf(out);
    }

    /** Bytes per NALUnitLength in the samples: lengthSizeMinusOne + 1. */
    public int nalUnitLengthSize() {
        return lengthSizeMinusOne + 1;
    }

    /** True for the profiles whose record carries the High-profile extension. */
    public static boolean hasHighProfileFields(int profileIdc) {
        return profileIdc == 100 || profileIdc == 110 || profileIdc == 122 || profileIdc == 144;
    }

    /**
     * Parses the record at {@code in}'s position, up to its limit, and moves the position past the
     * record on success (unchanged on failure).
     *
     * @implNote The High-profile extension is optional here although the standard requires it for
     *     profiles 100, 110, 122 and 144: many muxers (older ffmpeg, Flash encoders) leave it out.
     *     When present it must be complete. Reserved bits are not checked.
     * @throws H264Exception if configurationVersion is not 1 or lengthSizeMinusOne is 2
     * @throws io.streamwire.core.TruncatedInputException if a count or length runs past the limit
     */
    public static AvcDecoderConfigurationRecord parse(ByteBuffer in) {
        Cursor c = new Cursor(in);
        int version = c.u8("configurationVersion");
        if (version != 1) {
            throw new H264Exception("avcC configurationVersion", version + " is not supported (expected: 1)", c.at() - 1, SPEC);
        }
        int profile = c.u8("AVCProfileIndication");
        int compat = c.u8("profile_compatibility");
        int level = c.u8("AVCLevelIndication");
        int lengthSizeMinusOne = c.u8("lengthSizeMinusOne") & 3;
        if (lengthSizeMinusOne == 2) {
            throw new H264Exception("avcC lengthSizeMinusOne", "2 is not allowed (expected: 0, 1 or 3)", c.at() - 1, SPEC);
        }
        int numSps = c.u8("numOfSequenceParameterSets") & 0x1F;
        List<ByteBuffer> sps = c.nals(numSps, "sequenceParameterSetLength");
        int numPps = c.u8("numOfPictureParameterSets");
        List<ByteBuffer> pps = c.nals(numPps, "pictureParameterSetLength");
        HighProfileExtension ext = null;
        if (hasHighProfileFields(profile) && c.remaining() > 0) {
            int chroma = c.u8("chroma_format") & 3;
            int luma = c.u8("bit_depth_luma_minus8") & 7;
            int chromaDepth = c.u8("bit_depth_chroma_minus8") & 7;
            int numExt = c.u8("numOfSequenceParameterSetExt");
            ext = new HighProfileExtension(chroma, luma, chromaDepth, c.nals(numExt, "sequenceParameterSetExtLength"));
        }
        AvcDecoderConfigurationRecord record = new AvcDecoderConfigurationRecord(version, profile, compat, level,
                lengthSizeMinusOne, sps, pps, ext);
        in.position(c.p);
        return record;
    }

    /** Reads bytes with bounds checks and names the field in errors. */
    private static final class Cursor {
        final ByteBuffer in;
        final int start;
        int p;

        Cursor(ByteBuffer in) {
            this.in = in;
            this.start = in.position();
            this.p = start;
        }

        long at() {
            return p - start;
        }

        int remaining() {
            return in.limit() - p;
        }

        int u8(String field) {
            if (p >= in.limit()) {
                throw new TruncatedInputException(H264Exception.MODULE, "avcC " + field,
                        "runs past the end of the record", at(), SPEC);
            }
            return in.get(p++) & 0xFF;
        }

        List<ByteBuffer> nals(int count, String lengthField) {
            List<ByteBuffer> out = new ArrayList<>(Math.min(count, 32));
            for (int i = 0; i < count; i++) {
                int length = u8(lengthField) << 8 | u8(lengthField);
                if (length > remaining()) {
                    throw new TruncatedInputException(H264Exception.MODULE, "avcC " + lengthField,
                            length + " runs past the end of the record ("
                            + remaining() + " bytes remain)", at() - 2, SPEC);
                }
                out.add(in.slice(p, length));
                p += length;
            }
            return out;
        }
    }

    /** Bytes {@link #writeTo} writes. */
    public int encodedSize() {
        int size = 7;
        for (ByteBuffer b : sequenceParameterSets) {
            size += 2 + b.remaining();
        }
        for (ByteBuffer b : pictureParameterSets) {
            size += 2 + b.remaining();
        }
        if (highProfileExtension != null) {
            size += 4;
            for (ByteBuffer b : highProfileExtension.sequenceParameterSetExtNalUnits()) {
                size += 2 + b.remaining();
            }
        }
        return size;
    }

    /** Writes the record at {@code out}'s position and moves it past the record. */
    public void writeTo(ByteBuffer out) {
        out.put((byte) configurationVersion).put((byte) avcProfileIndication).put((byte) profileCompatibility)
                .put((byte) avcLevelIndication).put((byte) (0xFC | lengthSizeMinusOne))
                .put((byte) (0xE0 | sequenceParameterSets.size()));
        putAll(out, sequenceParameterSets);
        out.put((byte) pictureParameterSets.size());
        putAll(out, pictureParameterSets);
        if (highProfileExtension != null) {
            HighProfileExtension e = highProfileExtension;
            out.put((byte) (0xFC | e.chromaFormat())).put((byte) (0xF8 | e.bitDepthLumaMinus8()))
                    .put((byte) (0xF8 | e.bitDepthChromaMinus8())).put((byte) e.sequenceParameterSetExtNalUnits().size());
            putAll(out, e.sequenceParameterSetExtNalUnits());
        }
    }

    private static void putAll(ByteBuffer out, List<ByteBuffer> nals) {
        for (ByteBuffer nal : nals) {
            BigEndian.putShortRelative(out, (short) nal.remaining()).put(nal.duplicate());
        }
    }

    /** The record as a new array. */
    public byte[] toByteArray() {
        ByteBuffer out = ByteBuffer.allocate(encodedSize());
        writeTo(out);
        return out.array();
    }
}

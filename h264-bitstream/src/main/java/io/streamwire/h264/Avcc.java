package io.streamwire.h264;

import io.streamwire.core.LimitExceededException;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.core.internal.StartCodes;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Length-prefixed NAL units ("AVCC", ISO/IEC 14496-15 §5.3.2: each NAL unit preceded by a
 * big-endian NALUnitLength of 1, 2 or 4 bytes, the size given by the decoder configuration's
 * lengthSizeMinusOne), as carried in MP4 samples and RTMP/FLV video tags; and the conversions to and
 * from Annex B.
 *
 * <p>Reading checks each length against the bytes remaining and {@link H264Limits#maxNalSize()}
 * before slicing; NAL units are handed out as slices (no copy). Zero-length NAL units are skipped.
 *
 * <p>Thread-safe (stateless).
 *
 * @since 0.1.0
 */
public final class Avcc {
    private static final String SPEC = "ISO/IEC 14496-15 §5.3.2";

    private Avcc() {}

    static void requireLengthSize(int lengthSize) {
        if (lengthSize != 1 && lengthSize != 2 && lengthSize != 4) {
            throw new IllegalArgumentException("NALUnitLength size must be 1, 2 or 4, not " + lengthSize);
        }
    }

    /**
     * The NAL units of {@code sample[position, limit)} as slices, in order; the position is unchanged.
     *
     * @param offset stream offset of the sample's first byte, for errors
     * @throws TruncatedInputException if a length field or a NAL unit runs past the limit
     * @throws LimitExceededException if a length exceeds {@link H264Limits#maxNalSize()}
     */
    public static List<ByteBuffer> split(ByteBuffer sample, int lengthSize, H264Limits limits, long offset) {
        requireLengthSize(lengthSize);
        List<ByteBuffer> nals = new ArrayList<>();
        int p = sample.position();
        int end = sample.limit();
        while (p < end) {
            int length = checkedLength(sample, p, end, lengthSize, limits, offset + (p - sample.position()));
            p += lengthSize;
            if (length > 0) {
                nals.add(sample.slice(p, length));
            }
            p += length;
        }
        return nals;
    }

    /** {@link #split(ByteBuffer, int, H264Limits, long)} with default limits and offset 0. */
    public static List<ByteBuffer> split(ByteBuffer sample, int lengthSize) {
        return split(sample, lengthSize, H264Limits.defaults(), 0);
    }

    /** Bytes {@link #write} needs. */
    public static int encodedSize(List<ByteBuffer> nals, int lengthSize) {
        requireLengthSize(lengthSize);
        int size = 0;
        for (ByteBuffer nal : nals) {
            size = Math.addExact(size, Math.addExact(lengthSize, nal.remaining()));
        }
        return size;
    }

    /**
     * Writes each NAL unit's remaining bytes after its length; moves {@code out}'s position and
     * leaves the NAL buffers unchanged.
     *
     * @throws IllegalArgumentException if a NAL unit does not fit the length field
     */
    public static void write(List<ByteBuffer> nals, int lengthSize, ByteBuffer out) {
        requireLengthSize(lengthSize);
        for (ByteBuffer nal : nals) {
            int n = nal.remaining();
            if (lengthSize < 4 && n >>> (8 * lengthSize) != 0) {
                throw new IllegalArgumentException("NAL unit of " + n + " bytes does not fit a " + lengthSize + "-byte length");
            }
            for (int i = lengthSize - 1; i >= 0; i--) {
                out.put((byte) (n >>> (8 * i)));
            }
            out.put(nal.duplicate());
        }
    }

    /** The NAL units length-prefixed into a new array. */
    public static byte[] toByteArray(List<ByteBuffer> nals, int lengthSize) {
        ByteBuffer out = ByteBuffer.allocate(encodedSize(nals, lengthSize));
        write(nals, lengthSize, out);
        return out.array();
    }

    /**
     * Annex B to AVCC: the NAL units of {@code annexB} length-prefixed. With
     * {@code dropAudAndParameterSets}, access unit delimiters (type 9), SPS (7), PPS (8) and SPS
     * extensions (13) are left out, as MP4 and FLV carry parameter sets in the decoder configuration.
     */
    public static byte[] fromAnnexB(ByteBuffer annexB, int lengthSize, boolean dropAudAndParameterSets) {
        List<ByteBuffer> nals = AnnexB.split(annexB);
        if (dropAudAndParameterSets) {
            nals.removeIf(nal -> {
                int type = nal.get(nal.position()) & 0x1F;
                return type == 7 || type == 8 || type == 9 || type == 13;
            });
        }
        return toByteArray(nals, lengthSize);
    }

    /**
     * AVCC to Annex B with 4-byte start codes, into a new array of {@link #annexBSize} bytes: exactly
     * the bytes {@link #toAnnexB(ByteBuffer, int, AvcDecoderConfigurationRecord, ByteBuffer)} writes
     * (parameter sets inserted at the start of an IDR access unit, after its AUD; zero-length NAL
     * units skipped; trailing zero bytes of a NAL unit dropped). {@code sample}'s position is
     * unchanged.
     *
     * @throws H264Exception as {@link #split(ByteBuffer, int, H264Limits, long)}
     * @throws IllegalArgumentException if {@code lengthSize} is not 1, 2 or 4
     */
    public static byte[] toAnnexB(ByteBuffer sample, int lengthSize, AvcDecoderConfigurationRecord config) {
        requireLengthSize(lengthSize);
        long plan = plan(sample, lengthSize, config);
        byte[] out = new byte[(int) plan];
        write(sample, lengthSize, config, plan, ByteBuffer.wrap(out));
        return out;
    }

    /**
     * Bytes {@link #toAnnexB(ByteBuffer, int, AvcDecoderConfigurationRecord, ByteBuffer)} writes for
     * this sample: size the output buffer once with it (or reuse one of the largest size seen).
     *
     * @throws H264Exception as {@link #split(ByteBuffer, int, H264Limits, long)}
     */
    public static int annexBSize(ByteBuffer sample, int lengthSize, AvcDecoderConfigurationRecord config) {
        requireLengthSize(lengthSize);
        return (int) plan(sample, lengthSize, config);
    }

    /**
     * AVCC to Annex B with 4-byte start codes, written into {@code out} at its position (which moves
     * past the written bytes); {@code sample}'s position is unchanged and nothing is allocated per
     * sample. When {@code config} is not null and the sample has an IDR slice (type 5) not preceded
     * in the sample by both an SPS and a PPS, the configuration's SPS, SPS extension and PPS NAL units
     * are inserted at the start of the access unit, after its access unit delimiter when the sample
     * starts with one (§7.4.1.2.3 order: AUD, then parameter sets, then SEI and slices). Zero-length
     * NAL units are skipped.
     *
     * <p>Trailing zero bytes of a NAL unit (of the sample or of the configuration) are not written,
     * and a NAL unit made only of zero bytes in the sample raises {@link H264Exception} (field
     * {@code "avcc nal_unit"}; one in the configuration is left out): §7.4.1 says the last
     * byte of a NAL unit is never 0x00, and Annex B cannot carry one that is (a reader takes the zeros
     * for trailing_zero_8bits, or a one-byte {@code 00} for part of the next start code).
     *
     * <p>Every length is checked (as {@link #split(ByteBuffer, int, H264Limits, long)} with default
     * limits) before anything is written, and so is the room in {@code out}: on an exception
     * {@code out} is unchanged.
     *
     * @implNote Some cameras send parameter sets ending in 0x00 (padding); ffmpeg's decoder ignores
     *     the zeros too. Dropping them here keeps the NAL units an Annex B reader finds the same as
     *     the sample's, rather than refusing the sample.
     * @return the number of bytes written, {@link #annexBSize} of the sample
     * @throws H264Exception as {@link #split(ByteBuffer, int, H264Limits, long)}
     * @throws BufferOverflowException if {@code out} has fewer than {@link #annexBSize} bytes remaining
     * @throws IllegalArgumentException if {@code lengthSize} is not 1, 2 or 4
     */
    public static int toAnnexB(ByteBuffer sample, int lengthSize, AvcDecoderConfigurationRecord config, ByteBuffer out) {
        requireLengthSize(lengthSize);
        long plan = plan(sample, lengthSize, config);
        if (out.remaining() < (int) plan) {
            throw new BufferOverflowException();
        }
        return write(sample, lengthSize, config, plan, out);
    }

    /** Writes the sample as {@link #plan} planned it; the lengths are checked and {@code out} has room. */
    private static int write(ByteBuffer sample, int lengthSize, AvcDecoderConfigurationRecord config, long plan, ByteBuffer out) {
        int size = (int) plan;
        boolean insert = (plan & INSERT) != 0;
        int p = sample.position();
        int end = sample.limit();
        boolean first = true;
        while (p < end) {
            int length = readLength(sample, p, lengthSize);
            p += lengthSize;
            int n = withoutTrailingZeros(sample, p, length);
            if (n == 0 && length > 0) {
                // not a NAL unit Annex B can carry: its header byte itself is 0x00 (nal_unit_type 0)
                // and every byte after it too; dropping it would lose the unit silently
                throw new H264Exception("avcc nal_unit", length + " zero bytes: no NAL unit header",
                        p - sample.position(), SPEC);
            }
            if (n > 0) {
                int type = sample.get(p) & 0x1F;
                if (insert && !(first && type == NalUnitHeader.TYPE_AUD)) {
                    putAll(config.sequenceParameterSets(), out);
                    if (config.highProfileExtension() != null) {
                        putAll(config.highProfileExtension().sequenceParameterSetExtNalUnits(), out);
                    }
                    putAll(config.pictureParameterSets(), out);
                    insert = false;
                }
                putNal(sample, p, n, out);
                first = false;
            }
            p += length;
        }
        return size;
    }

    private static final long INSERT = 1L << 32;

    /**
     * Validates every length of the sample (errors as {@link #split}) and returns the Annex B size in
     * the low 32 bits, with {@link #INSERT} set when the parameter sets are to be inserted.
     */
    private static long plan(ByteBuffer sample, int lengthSize, AvcDecoderConfigurationRecord config) {
        H264Limits limits = H264Limits.defaults();
        long size = 0;
        boolean sawSps = false;
        boolean sawPps = false;
        boolean insert = false;
        int p = sample.position();
        int end = sample.limit();
        while (p < end) {
            int length = checkedLength(sample, p, end, lengthSize, limits, p - sample.position());
            p += lengthSize;
            int n = withoutTrailingZeros(sample, p, length);
            if (n == 0 && length > 0) {
                // not a NAL unit Annex B can carry: its header byte itself is 0x00 (nal_unit_type 0)
                // and every byte after it too; dropping it would lose the unit silently
                throw new H264Exception("avcc nal_unit", length + " zero bytes: no NAL unit header",
                        p - sample.position(), SPEC);
            }
            int startCode = n >= 3 ? StartCodes.find(sample, p, p + n) : -1;
            if (startCode >= 0) {
                // Annex B would cut the NAL unit in two there: the encoder left out emulation prevention
                throw new H264Exception("avcc nal_unit", "holds a start code 00 00 01 at its byte " + (startCode - p)
                        + " (emulation prevention missing)", startCode - sample.position(), "ITU-T H.264 (08/2021) §7.4.1");
            }
            if (n > 0) {
                int type = sample.get(p) & 0x1F;
                if (type == NalUnitHeader.TYPE_SPS) {
                    sawSps = true;
                } else if (type == NalUnitHeader.TYPE_PPS) {
                    sawPps = true;
                } else if (type == 5 && config != null && !(sawSps && sawPps)) {
                    insert = true;
                }
                size += 4L + n;
            }
            p += length;
        }
        if (insert) {
            size += sizeOf(config.sequenceParameterSets()) + sizeOf(config.pictureParameterSets());
            if (config.highProfileExtension() != null) {
                size += sizeOf(config.highProfileExtension().sequenceParameterSetExtNalUnits());
            }
        }
        if (size > Integer.MAX_VALUE) {
            throw new LimitExceededException(H264Exception.MODULE, "avcc sample", "Integer.MAX_VALUE",
                    Integer.MAX_VALUE, size, 0);
        }
        return size | (insert ? INSERT : 0);
    }

    /**
     * The NALUnitLength at {@code p}, checked: the field is complete, the length within
     * {@link H264Limits#maxNalSize()} and inside the sample ({@code at} is the field's offset for errors).
     */
    private static int checkedLength(ByteBuffer sample, int p, int end, int lengthSize, H264Limits limits, long at) {
        if (end - p < lengthSize) {
            throw new TruncatedInputException(H264Exception.MODULE, "avcc NALUnitLength",
                    "needs " + lengthSize + " bytes, " + (end - p) + " remain", at, SPEC);
        }
        long length = readLength(sample, p, lengthSize) & 0xFFFFFFFFL;
        int rest = end - p - lengthSize;
        if (length > limits.maxNalSize()) {
            throw new LimitExceededException(H264Exception.MODULE, "avcc NALUnitLength", "H264Limits.maxNalSize()",
                    limits.maxNalSize(), length, at);
        }
        if (length > rest) {
            throw new TruncatedInputException(H264Exception.MODULE, "avcc NALUnitLength",
                    length + " runs past the sample end (" + rest + " bytes remain)", at, SPEC);
        }
        return (int) length;
    }

    private static int readLength(ByteBuffer sample, int p, int lengthSize) {
        int length = 0;
        for (int i = 0; i < lengthSize; i++) {
            length = length << 8 | (sample.get(p + i) & 0xFF);
        }
        return length;
    }

    /**
     * The length of {@code buf[from, from + length)} without its trailing zero bytes: what Annex B can
     * carry of the NAL unit (§7.4.1: its last byte is never 0x00); 0 when every byte is zero.
     */
    private static int withoutTrailingZeros(ByteBuffer buf, int from, int length) {
        int n = length;
        while (n > 0 && buf.get(from + n - 1) == 0) {
            n--;
        }
        return n;
    }

    private static long sizeOf(List<ByteBuffer> nals) {
        long size = 0;
        for (int i = 0; i < nals.size(); i++) {
            ByteBuffer nal = nals.get(i);
            int n = withoutTrailingZeros(nal, nal.position(), nal.remaining());
            size += n > 0 ? 4 + n : 0;
        }
        return size;
    }

    private static void putAll(List<ByteBuffer> nals, ByteBuffer out) {
        for (int i = 0; i < nals.size(); i++) {
            ByteBuffer nal = nals.get(i);
            int n = withoutTrailingZeros(nal, nal.position(), nal.remaining());
            if (n > 0) {
                putNal(nal, nal.position(), n, out);
            }
        }
    }

    private static void putNal(ByteBuffer src, int from, int length, ByteBuffer out) {
        int o = out.position();
        out.put(o, (byte) 0).put(o + 1, (byte) 0).put(o + 2, (byte) 0).put(o + 3, (byte) 1);
        out.put(o + 4, src, from, length);
        out.position(o + 4 + length);
    }
}

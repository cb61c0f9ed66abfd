package io.streamwire.h265;

import io.streamwire.core.LimitExceededException;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.core.internal.StartCodes;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Length-prefixed HEVC NAL units (ISO/IEC 14496-15 (2022) §8.3.2 sample format: each NAL unit
 * preceded by a big-endian NALUnitLength of 1, 2 or 4 bytes, the size given by the
 * {@link HevcDecoderConfigurationRecord}'s lengthSizeMinusOne), as carried in MP4 samples and
 * Enhanced RTMP / FLV video tags; and the conversions to and from Annex B (ITU-T H.265 (09/2023) Annex B).
 *
 * <p><b>hvc1 and hev1</b> (ISO/IEC 14496-15 §8.4.1, with array_completeness of §8.3.3.1): under an
 * {@code hvc1} sample entry the configuration record's VPS, SPS and PPS arrays are complete
 * (array_completeness 1): every parameter set the stream uses is in the sample entry and none is in
 * the samples, so MPEG-TS → MP4 conversion for {@code hvc1} (what Apple's players require) drops the
 * in-band parameter sets: {@link #fromAnnexB fromAnnexB(annexB, 4, true)}. Under {@code hev1}
 * parameter sets may also (or only) be in the samples (array_completeness 0 by default), which suits
 * streams whose parameter sets change: keep them with {@code fromAnnexB(annexB, 4, false)}. The other
 * way, MPEG-TS players find parameter sets only in-band, so {@link #toAnnexB} inserts the record's
 * VPS, SPS and PPS before each IRAP access unit that does not carry its own.
 *
 * <p>Reading checks each length against the bytes remaining and {@link H265Limits#maxNalSize()}
 * before slicing; NAL units are handed out as slices (no copy). Zero-length NAL units are skipped.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.2.0
 */
public final class Hvcc {
    private static final String SPEC = "ISO/IEC 14496-15 (2022) §8.3.2";
    private static final long INSERT = 1L << 32;

    private Hvcc() {}

    static void requireLengthSize(int lengthSize) {
        if (lengthSize != 1 && lengthSize != 2 && lengthSize != 4) {
            throw new IllegalArgumentException("NALUnitLength size must be 1, 2 or 4, not " + lengthSize);
        }
    }

    /**
     * The NAL units of {@code sample[position, limit)} as slices, in order; the position is unchanged.
     *
     * @param lengthSize bytes per NALUnitLength: 1, 2 or 4
     * @param offset stream offset of the sample's first byte, for errors
     * @throws TruncatedInputException if a length field or a NAL unit runs past the limit
     * @throws LimitExceededException if a length exceeds {@link H265Limits#maxNalSize()}
     * @throws IllegalArgumentException if {@code lengthSize} is not 1, 2 or 4
     */
    public static List<ByteBuffer> split(ByteBuffer sample, int lengthSize, H265Limits limits, long offset) {
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

    /** {@link #split(ByteBuffer, int, H265Limits, long)} with default limits and offset 0. */
    public static List<ByteBuffer> split(ByteBuffer sample, int lengthSize) {
        return split(sample, lengthSize, H265Limits.defaults(), 0);
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
     * Annex B to length-prefixed: the NAL units of {@code annexB[position, limit)} (as
     * {@link HevcAnnexB#split}), each after its NALUnitLength. With {@code dropParameterSets} the
     * VPS (32), SPS (33) and PPS (34) NAL units are left out, for an {@code hvc1} track whose sample
     * entry carries them; without it they are kept, for {@code hev1}. Access unit delimiters and SEI
     * are kept either way (ffmpeg's MP4 muxer does the same).
     *
     * @throws IllegalArgumentException if {@code lengthSize} is not 1, 2 or 4 or a NAL unit does not fit it
     */
    public static byte[] fromAnnexB(ByteBuffer annexB, int lengthSize, boolean dropParameterSets) {
        List<ByteBuffer> nals = HevcAnnexB.split(annexB);
        if (dropParameterSets) {
            nals.removeIf(nal -> NalUnitType.isParameterSet(NalUnitType.fromHeaderByte(nal.get(nal.position()) & 0xFF)));
        }
        return toByteArray(nals, lengthSize);
    }

    /**
     * Length-prefixed to Annex B with 4-byte start codes, into a new array: exactly the bytes
     * {@link #toAnnexB(ByteBuffer, int, HevcDecoderConfigurationRecord, ByteBuffer)} writes.
     * {@code sample}'s position is unchanged.
     *
     * @param config the track's configuration whose parameter sets go before an IRAP picture that
     *     lacks them, or null to insert nothing
     * @throws H265Exception as the buffer form
     * @throws TruncatedInputException as {@link #split(ByteBuffer, int, H265Limits, long)}
     * @throws LimitExceededException as {@link #split(ByteBuffer, int, H265Limits, long)}
     */
    public static byte[] toAnnexB(ByteBuffer sample, int lengthSize, HevcDecoderConfigurationRecord config) {
        requireLengthSize(lengthSize);
        long plan = plan(sample, lengthSize, config);
        byte[] out = new byte[(int) plan];
        write(sample, lengthSize, config, plan, ByteBuffer.wrap(out));
        return out;
    }

    /**
     * Bytes {@link #toAnnexB(ByteBuffer, int, HevcDecoderConfigurationRecord, ByteBuffer)} writes for
     * this sample: size the output buffer once with it.
     *
     * @throws H265Exception as {@link #toAnnexB(ByteBuffer, int, HevcDecoderConfigurationRecord, ByteBuffer)}
     */
    public static int annexBSize(ByteBuffer sample, int lengthSize, HevcDecoderConfigurationRecord config) {
        requireLengthSize(lengthSize);
        return (int) plan(sample, lengthSize, config);
    }

    /**
     * Length-prefixed to Annex B with 4-byte start codes, written into {@code out} at its position
     * (which moves past the written bytes); {@code sample} (one access unit, as an MP4 sample or FLV
     * tag holds) keeps its position and nothing is allocated. When {@code config} is not null and the
     * sample holds an IRAP picture (nal_unit_type 16..23) not preceded in the sample by a VPS, an SPS
     * and a PPS, the NAL units of the configuration's VPS, SPS and PPS arrays (in that order) are
     * inserted at the start of the access unit, after its access unit delimiter when the sample
     * starts with one (ITU-T H.265 §7.4.2.4.4 order: AUD first, then parameter sets before the first
     * VCL NAL unit). In-band parameter sets that follow still override them. Zero-length NAL units
     * are skipped.
     *
     * <p>Trailing zero bytes of a NAL unit are not written (§7.4.2: the last byte of a NAL unit is
     * never 0x00; an Annex B reader would take them for trailing_zero_8bits), and a NAL unit made
     * only of zero bytes in the sample raises {@link H265Exception} (field {@code "hvcc nal_unit"};
     * one in the configuration is left out). So does a NAL unit holding {@code 00 00 01}, of the
     * sample or of the configuration (field {@code "hvcC nalUnit"}): emulation prevention (§7.4.2)
     * keeps start codes out of NAL units, and Annex B would split such a unit in two. Every length is checked (as
     * {@link #split(ByteBuffer, int, H265Limits, long)} with default limits) and so is the room in
     * {@code out} before anything is written: on an exception {@code out} is unchanged.
     *
     * @return the number of bytes written, {@link #annexBSize} of the sample
     * @throws H265Exception for a NAL unit of zero bytes only or one holding {@code 00 00 01}
     * @throws TruncatedInputException if a length field or a NAL unit runs past the sample
     * @throws LimitExceededException if a length exceeds {@link H265Limits#maxNalSize()}
     * @throws BufferOverflowException if {@code out} has fewer than {@link #annexBSize} bytes remaining
     * @throws IllegalArgumentException if {@code lengthSize} is not 1, 2 or 4
     */
    public static int toAnnexB(ByteBuffer sample, int lengthSize, HevcDecoderConfigurationRecord config, ByteBuffer out) {
        requireLengthSize(lengthSize);
        long plan = plan(sample, lengthSize, config);
        if (out.remaining() < (int) plan) {
            throw new BufferOverflowException();
        }
        return write(sample, lengthSize, config, plan, out);
    }

    /** Writes the sample as {@link #plan} planned it; the lengths are checked and {@code out} has room. */
    private static int write(ByteBuffer sample, int lengthSize, HevcDecoderConfigurationRecord config, long plan,
            ByteBuffer out) {
        boolean insert = (plan & INSERT) != 0;
        int p = sample.position();
        int end = sample.limit();
        boolean first = true;
        while (p < end) {
            int length = readLength(sample, p, lengthSize);
            p += lengthSize;
            int n = withoutTrailingZeros(sample, p, length);
            if (n > 0) {
                if (insert && !(first && NalUnitType.fromHeaderByte(sample.get(p) & 0xFF) == NalUnitType.AUD_NUT)) {
                    putParameterSets(config, out);
                    insert = false;
                }
                putNal(sample, p, n, out);
                first = false;
            }
            p += length;
        }
        return (int) plan;
    }

    /**
     * Validates every length of the sample (errors as {@link #split}) and returns the Annex B size in
     * the low 32 bits, with {@link #INSERT} set when the parameter sets are to be inserted.
     */
    private static long plan(ByteBuffer sample, int lengthSize, HevcDecoderConfigurationRecord config) {
        H265Limits limits = H265Limits.defaults();
        long size = 0;
        int seen = 0; // bit 0 VPS, 1 SPS, 2 PPS
        boolean insert = false;
        int p = sample.position();
        int end = sample.limit();
        while (p < end) {
            int length = checkedLength(sample, p, end, lengthSize, limits, p - sample.position());
            p += lengthSize;
            int n = withoutTrailingZeros(sample, p, length);
            if (n == 0 && length > 0) {
                throw new H265Exception("hvcc nal_unit", length + " zero bytes: no NAL unit header", p - sample.position(), SPEC);
            }
            requireNoStartCode(sample, p, n, "hvcc nal_unit", p - sample.position());
            if (n > 0) {
                int type = NalUnitType.fromHeaderByte(sample.get(p) & 0xFF);
                if (NalUnitType.isParameterSet(type)) {
                    seen |= 1 << (type - NalUnitType.VPS_NUT);
                } else if (NalUnitType.isIrap(type) && config != null && seen != 7) {
                    insert = true;
                }
                size += 4L + n;
            }
            p += length;
        }
        if (insert) {
            size += parameterSetsSize(config); // checks the configuration's NAL units for start codes too
        }
        if (size > Integer.MAX_VALUE) {
            throw new LimitExceededException(H265Exception.MODULE, "hvcc sample", "Integer.MAX_VALUE", Integer.MAX_VALUE, size, 0);
        }
        return size | (insert ? INSERT : 0);
    }

    /**
     * Refuses a NAL unit holding {@code 00 00 01}: emulation prevention (ITU-T H.265 §7.4.2) keeps it
     * out of every NAL unit, and in Annex B it would read as a start code, splitting the unit in two.
     */
    private static void requireNoStartCode(ByteBuffer buf, int from, int n, String field, long offset) {
        int j = StartCodes.find(buf, from, from + n);
        if (j >= 0) {
            throw new H265Exception(field, "holds a start code 00 00 01 at its byte " + (j - from)
                    + " (emulation prevention missing): Annex B cannot carry it", offset, "ITU-T H.265 (09/2023) §7.4.2");
        }
    }

    private static int checkedLength(ByteBuffer sample, int p, int end, int lengthSize, H265Limits limits, long at) {
        if (end - p < lengthSize) {
            throw new TruncatedInputException(H265Exception.MODULE, "hvcc NALUnitLength",
                    "needs " + lengthSize + " bytes, " + (end - p) + " remain", at, SPEC);
        }
        long length = readLength(sample, p, lengthSize) & 0xFFFFFFFFL;
        int rest = end - p - lengthSize;
        if (length > limits.maxNalSize()) {
            throw new LimitExceededException(H265Exception.MODULE, "hvcc NALUnitLength", "H265Limits.maxNalSize()",
                    limits.maxNalSize(), length, at);
        }
        if (length > rest) {
            throw new TruncatedInputException(H265Exception.MODULE, "hvcc NALUnitLength",
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

    private static int withoutTrailingZeros(ByteBuffer buf, int from, int length) {
        int n = length;
        while (n > 0 && buf.get(from + n - 1) == 0) {
            n--;
        }
        return n;
    }

    /** Bytes the configuration's VPS, SPS and PPS take in Annex B (index loops: nothing allocated). */
    private static long parameterSetsSize(HevcDecoderConfigurationRecord config) {
        long size = 0;
        List<HevcDecoderConfigurationRecord.NalUnitArray> arrays = config.arrays();
        for (int type = NalUnitType.VPS_NUT; type <= NalUnitType.PPS_NUT; type++) {
            for (int a = 0; a < arrays.size(); a++) {
                if (arrays.get(a).nalUnitType() == type) {
                    List<ByteBuffer> nals = arrays.get(a).nalUnits();
                    for (int i = 0; i < nals.size(); i++) {
                        ByteBuffer nal = nals.get(i);
                        int n = withoutTrailingZeros(nal, nal.position(), nal.remaining());
                        requireNoStartCode(nal, nal.position(), n, "hvcC nalUnit", -1);
                        size += n > 0 ? 4 + n : 0;
                    }
                }
            }
        }
        return size;
    }

    /** Writes the configuration's VPS, SPS and PPS NAL units in that order (index loops: nothing allocated). */
    private static void putParameterSets(HevcDecoderConfigurationRecord config, ByteBuffer out) {
        List<HevcDecoderConfigurationRecord.NalUnitArray> arrays = config.arrays();
        for (int type = NalUnitType.VPS_NUT; type <= NalUnitType.PPS_NUT; type++) {
            for (int a = 0; a < arrays.size(); a++) {
                if (arrays.get(a).nalUnitType() == type) {
                    List<ByteBuffer> nals = arrays.get(a).nalUnits();
                    for (int i = 0; i < nals.size(); i++) {
                        ByteBuffer nal = nals.get(i);
                        int n = withoutTrailingZeros(nal, nal.position(), nal.remaining());
                        if (n > 0) {
                            putNal(nal, nal.position(), n, out);
                        }
                    }
                }
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

package io.streamwire.core.internal;

import io.streamwire.core.LimitExceededException;
import io.streamwire.core.TruncatedInputException;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Length-prefixed NAL units (ISO/IEC 14496-15 §5.3.2, §8.3.2) to Annex B with 4-byte start codes,
 * with the decoder configuration's parameter sets inserted where the stream lacks them; one
 * implementation for the H.264 and H.265 modules ({@code Avcc.toAnnexB}, {@code Hvcc.toAnnexB}).
 * What differs between the codecs is a {@link LengthPrefixedNals.Format} (where nal_unit_type sits,
 * which types are random access pictures, parameter sets and access unit delimiters, names in
 * errors) and a {@link ParameterSets} (the configuration's parameter sets in the codec's order), one
 * constant of each per module.
 *
 * <p>The conversion runs in two passes, so that nothing is written unless the whole sample is valid:
 * the first checks every length and NAL unit, sizes the output and decides whether the parameter
 * sets go in; the second writes. Nothing is allocated per sample or per NAL unit, and the only calls
 * through an interface are the two per sample to {@link ParameterSets}.
 *
 * <p>Exported to Streamwire modules only; not public API. Stateless and thread-safe.
 */
public final class LengthPrefixedAnnexB {
    /** Set in a plan when the configuration's parameter sets are to be inserted (above any size). */
    private static final long INSERT = 1L << 62;
    private static final long SIZE_MASK = INSERT - 1;

    /**
     * The parameter sets of a module's decoder configuration record, as the Annex B conversion inserts
     * them: one constant per module (so the conversion's calls to it see at most the two codecs'
     * classes), built on {@link LengthPrefixedAnnexB#annexBSize(List, String, LengthPrefixedNals.Format)} and
     * {@link LengthPrefixedAnnexB#writeAnnexB(List, ByteBuffer)}.
     *
     * @param <C> the module's configuration record
     */
    public interface ParameterSets<C> {
        /**
         * Their Annex B size, each checked for start codes.
         *
         * @param config the configuration, not null
         * @return the size in bytes
         */
        long annexBSize(C config);

        /**
         * Writes them, in the order the codec wants them.
         *
         * @param config the configuration, not null
         * @param out where they go; its position moves past them
         */
        void writeAnnexB(C config, ByteBuffer out);
    }

    private LengthPrefixedAnnexB() {}

    /**
     * Length-prefixed to Annex B with 4-byte start codes, into a new array: exactly the bytes the
     * buffer form writes. {@code sample}'s position is unchanged.
     *
     * @param <C> the module's configuration record
     * @param sample the length-prefixed NAL units of one access unit, position to limit
     * @param lengthSize bytes per NALUnitLength: 1, 2 or 4
     * @param maxNalSize the longest NAL unit accepted
     * @param config the configuration whose parameter sets go before a random access picture that
     *     lacks them, or null to insert nothing
     * @param sets the module's parameter sets of {@code config}
     * @param f the module's format
     * @return the Annex B bytes
     * @throws TruncatedInputException if a length field or a NAL unit runs past the limit
     * @throws LimitExceededException if a length exceeds {@code maxNalSize}
     * @throws io.streamwire.core.StreamwireException the module's exception for a NAL unit of zero
     *     bytes only or one holding {@code 00 00 01}
     * @throws IllegalArgumentException if {@code lengthSize} is not 1, 2 or 4
     */
    public static <C> byte[] toAnnexB(ByteBuffer sample, int lengthSize, int maxNalSize, C config, ParameterSets<C> sets, LengthPrefixedNals.Format f) {
        LengthPrefixedNals.requireLengthSize(lengthSize);
        long plan = plan(sample, lengthSize, maxNalSize, config, sets, f);
        byte[] out = new byte[size(plan)];
        write(sample, lengthSize, config, sets, plan, f, ByteBuffer.wrap(out));
        return out;
    }

    /**
     * Bytes the buffer form of {@code toAnnexB} writes for this sample. Parameters and errors as
     * {@link #toAnnexB(ByteBuffer, int, int, Object, ParameterSets, LengthPrefixedNals.Format)}.
     *
     * @param <C> the module's configuration record
     * @param sample the length-prefixed NAL units, position to limit (unchanged)
     * @param lengthSize bytes per NALUnitLength: 1, 2 or 4
     * @param maxNalSize the longest NAL unit accepted
     * @param config the configuration, or null
     * @param sets the module's parameter sets of {@code config}
     * @param f the module's format
     * @return the size in bytes
     */
    public static <C> int annexBSize(ByteBuffer sample, int lengthSize, int maxNalSize, C config, ParameterSets<C> sets, LengthPrefixedNals.Format f) {
        LengthPrefixedNals.requireLengthSize(lengthSize);
        return size(plan(sample, lengthSize, maxNalSize, config, sets, f));
    }

    /**
     * Length-prefixed to Annex B with 4-byte start codes, written into {@code out} at its position
     * (which moves past the written bytes); {@code sample} keeps its position and nothing is
     * allocated. When {@code config} is not null and the sample holds a random access picture (a type
     * of the {@link LengthPrefixedNals.Format}'s) not preceded in it by every type of its parameter sets, {@code sets} are
     * written at the start of the access unit, after its access unit delimiter when the sample starts
     * with one. Trailing zero bytes of a NAL unit are not written (its last byte is never 0x00, and a
     * reader would take them for trailing_zero_8bits) and zero-length units are skipped. Everything is
     * checked before anything is written: on an exception {@code out} is unchanged. Errors as
     * {@link #toAnnexB(ByteBuffer, int, int, Object, ParameterSets, LengthPrefixedNals.Format)}.
     *
     * @param <C> the module's configuration record
     * @param sample the length-prefixed NAL units of one access unit, position to limit
     * @param lengthSize bytes per NALUnitLength: 1, 2 or 4
     * @param maxNalSize the longest NAL unit accepted
     * @param config the configuration, or null
     * @param sets the module's parameter sets of {@code config}
     * @param f the module's format
     * @param out where the Annex B bytes go
     * @return the number of bytes written
     * @throws java.nio.BufferOverflowException if {@code out} has too little room
     */
    public static <C> int toAnnexB(ByteBuffer sample, int lengthSize, int maxNalSize, C config, ParameterSets<C> sets, LengthPrefixedNals.Format f,
            ByteBuffer out) {
        LengthPrefixedNals.requireLengthSize(lengthSize);
        long plan = plan(sample, lengthSize, maxNalSize, config, sets, f);
        int size = size(plan);
        if (out.remaining() < size) {
            throw new BufferOverflowException();
        }
        write(sample, lengthSize, config, sets, plan, f, out);
        return size;
    }

    /** The whole plan: the sample's, then the parameter sets' size when they go in, checked. */
    private static <C> long plan(ByteBuffer sample, int lengthSize, int maxNalSize, C config, ParameterSets<C> sets, LengthPrefixedNals.Format f) {
        long plan = planSample(sample, lengthSize, maxNalSize, config != null, f);
        if (inserts(plan)) {
            plan += sets.annexBSize(config); // checks the configuration's NAL units for start codes too
        }
        long size = plan & SIZE_MASK;
        if (size > Integer.MAX_VALUE) {
            throw new LimitExceededException(f.module, f.structure + " sample", "Integer.MAX_VALUE", Integer.MAX_VALUE, size, 0);
        }
        return plan;
    }

    /** Writes as planned: the sample's NAL units, the parameter sets after a leading AUD when they go in. */
    private static <C> void write(ByteBuffer sample, int lengthSize, C config, ParameterSets<C> sets, long plan, LengthPrefixedNals.Format f,
            ByteBuffer out) {
        if (!inserts(plan)) {
            writeAnnexB(sample, sample.position(), sample.limit(), lengthSize, out);
            return;
        }
        int cut = insertionPoint(sample, lengthSize, f);
        writeAnnexB(sample, sample.position(), cut, lengthSize, out);
        sets.writeAnnexB(config, out);
        writeAnnexB(sample, cut, sample.limit(), lengthSize, out);
    }

    /**
     * Checks every length and NAL unit of the sample and plans its conversion: the Annex B size of
     * its NAL units in the low bits, {@link #INSERT} when the parameter sets go in. Error offsets
     * count from the sample's position.
     */
    private static long planSample(ByteBuffer sample, int lengthSize, int maxNalSize, boolean haveConfig, LengthPrefixedNals.Format f) {
        long size = 0;
        long seen = 0;
        boolean insert = false;
        int start = sample.position();
        int p = start;
        int end = sample.limit();
        while (p < end) {
            int length = LengthPrefixedNals.checkedLength(sample, p, end, lengthSize, maxNalSize, p - start, f);
            p += lengthSize;
            int n = withoutTrailingZeros(sample, p, length);
            if (n == 0 && length > 0) {
                // not a NAL unit Annex B can carry: its header byte itself is 0x00 and every byte after
                // it too; dropping it would lose the unit silently
                throw f.errors.malformed(f.structure + " nal_unit", length + " zero bytes: no NAL unit header", p - start, f.spec);
            }
            int j = StartCodes.find(sample, p, p + n);
            if (j >= 0) {
                throw startCode(f.structure + " nal_unit", j - p, (f.startCodeErrorAtNalUnit ? p : j) - start, f);
            }
            if (n > 0) {
                int type = f.type(sample.get(p) & 0xFF);
                if ((f.parameterSetTypes >>> type & 1) != 0) {
                    seen |= 1L << type;
                } else if ((f.irapTypes >>> type & 1) != 0 && haveConfig && seen != f.parameterSetTypes) {
                    insert = true;
                }
                size += 4L + n;
            }
            p += length;
        }
        return size | (insert ? INSERT : 0);
    }

    private static boolean inserts(long plan) {
        return (plan & INSERT) != 0;
    }

    private static int size(long plan) {
        return (int) (plan & SIZE_MASK);
    }

    /**
     * The Annex B size of parameter set NAL units (4-byte start codes, trailing zero bytes dropped,
     * units of zero bytes only left out), refusing one that holds a start code.
     *
     * @param nals the NAL units, position to limit (unchanged)
     * @param field the configuration's element named in errors, e.g. {@code "hvcC nalUnit"}
     * @param f the module's format
     * @return the size in bytes
     * @throws io.streamwire.core.StreamwireException the module's exception (offset -1) for a NAL unit
     *     holding {@code 00 00 01}
     */
    public static long annexBSize(List<ByteBuffer> nals, String field, LengthPrefixedNals.Format f) {
        long size = 0;
        for (int i = 0; i < nals.size(); i++) { // index loop: nothing allocated
            ByteBuffer nal = nals.get(i);
            int n = withoutTrailingZeros(nal, nal.position(), nal.remaining());
            int j = StartCodes.find(nal, nal.position(), nal.position() + n);
            if (j >= 0) {
                throw startCode(field, j - nal.position(), -1, f);
            }
            size += n > 0 ? 4 + n : 0;
        }
        return size;
    }

    /**
     * Writes parameter set NAL units as {@link #annexBSize(List, String, LengthPrefixedNals.Format)} counts them.
     *
     * @param nals the NAL units, position to limit (unchanged)
     * @param out where they go; its position moves past them
     */
    public static void writeAnnexB(List<ByteBuffer> nals, ByteBuffer out) {
        for (int i = 0; i < nals.size(); i++) {
            ByteBuffer nal = nals.get(i);
            int n = withoutTrailingZeros(nal, nal.position(), nal.remaining());
            if (n > 0) {
                putNal(nal, nal.position(), n, out);
            }
        }
    }

    /**
     * Where in a checked sample the parameter sets go: after its first NAL unit when that is an
     * access unit delimiter (which comes first in an access unit), else at its start; an absolute
     * index at a length field or the limit.
     */
    private static int insertionPoint(ByteBuffer sample, int lengthSize, LengthPrefixedNals.Format f) {
        int p = sample.position();
        int end = sample.limit();
        while (p < end) {
            int length = LengthPrefixedNals.readLength(sample, p, lengthSize);
            int next = p + lengthSize + length;
            if (length > 0) {
                return f.type(sample.get(p + lengthSize) & 0xFF) == f.audType ? next : p;
            }
            p = next;
        }
        return sample.position();
    }

    /**
     * Writes the checked NAL units of {@code sample[from, to)} after 4-byte start codes, trailing
     * zero bytes dropped and zero-length units skipped.
     */
    private static void writeAnnexB(ByteBuffer sample, int from, int to, int lengthSize, ByteBuffer out) {
        int p = from;
        while (p < to) {
            int length = LengthPrefixedNals.readLength(sample, p, lengthSize);
            p += lengthSize;
            int n = withoutTrailingZeros(sample, p, length);
            if (n > 0) {
                putNal(sample, p, n, out);
            }
            p += length;
        }
    }

    /**
     * The length of {@code buf[from, from + length)} without its trailing zero bytes: what Annex B can
     * carry of the NAL unit (its last byte is never 0x00); 0 when every byte is zero.
     */
    private static int withoutTrailingZeros(ByteBuffer buf, int from, int length) {
        int n = length;
        while (n > 0 && buf.get(from + n - 1) == 0) {
            n--;
        }
        return n;
    }

    /**
     * A NAL unit holding {@code 00 00 01}: emulation prevention keeps it out of every NAL unit, and in
     * Annex B it would read as a start code, splitting the unit in two.
     */
    private static RuntimeException startCode(String field, int at, long offset, LengthPrefixedNals.Format f) {
        return f.errors.malformed(field, "holds a start code 00 00 01 at its byte " + at
                + " (emulation prevention missing): Annex B cannot carry it", offset, f.nalSpec);
    }

    private static void putNal(ByteBuffer src, int from, int length, ByteBuffer out) {
        int o = out.position();
        out.put(o, (byte) 0).put(o + 1, (byte) 0).put(o + 2, (byte) 0).put(o + 3, (byte) 1);
        out.put(o + 4, src, from, length);
        out.position(o + 4 + length);
    }
}

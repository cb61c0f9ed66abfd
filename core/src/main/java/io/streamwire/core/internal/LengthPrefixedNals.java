package io.streamwire.core.internal;

import io.streamwire.core.LimitExceededException;
import io.streamwire.core.TruncatedInputException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Length-prefixed NAL units (ISO/IEC 14496-15 §5.3.2 for AVC and §8.3.2 for HEVC lay out samples the
 * same way: each NAL unit after a big-endian NALUnitLength of 1, 2 or 4 bytes): split, written, and
 * made from Annex B; one implementation for the H.264 and H.265 modules, whose public {@code Avcc} and
 * {@code Hvcc} classes delegate here ({@link LengthPrefixedAnnexB} converts the other way). What differs between the codecs (names in
 * errors, where the NAL unit type sits in the header, which types are parameter sets, IRAP pictures
 * and access unit delimiters) is a {@link Format}, one constant per module.
 *
 * <p>Lengths are checked against the bytes remaining and the NAL size limit before anything is
 * sliced; NAL units are handed out as slices (no copy) and zero-length ones are skipped.
 *
 * <p>Exported to Streamwire modules only; not public API. Stateless and thread-safe.
 */
public final class LengthPrefixedNals {
    /** Set in a plan when the configuration's parameter sets are to be inserted (above any size). */
    /**
     * What differs between the codecs. Made once per module (a constant): nothing here is allocated
     * per sample or per NAL unit.
     */
    public static final class Format {
        final String module;
        final String structure;
        final String spec;
        final String limitName;
        final BitReader.Errors errors;
        final String nalSpec;
        final boolean startCodeErrorAtNalUnit;
        final int typeShift;
        final int typeMask;
        final int audType;
        final long irapTypes;
        final long parameterSetTypes;

        /**
         * @param module the module named in exceptions, e.g. {@code "h265"}
         * @param structure put in front of each field in errors, e.g. {@code "hvcc"}
         * @param spec the sample format's spec section, e.g. {@code "ISO/IEC 14496-15 (2022) §8.3.2"}
         * @param limitName the setting named when a length is too long, e.g. {@code "H265Limits.maxNalSize()"}
         * @param errors makes the module's exception for malformed NAL units
         * @param nalSpec the section that keeps start codes out of NAL units, e.g. {@code "ITU-T H.265 (09/2023) §7.4.2"}
         * @param startCodeErrorAtNalUnit whether a NAL unit holding a start code is reported at the NAL
         *     unit's first byte (else at the start code's)
         * @param typeShift how far nal_unit_type sits from the bottom of the first header byte (H.264 0, H.265 1)
         * @param typeMask nal_unit_type's mask after the shift (H.264 0x1F, H.265 0x3F)
         * @param audType the access unit delimiter's nal_unit_type
         * @param irapTypes bit {@code t} set for each nal_unit_type {@code t} of a random access picture
         *     before which the parameter sets go
         * @param parameterSetTypes bit {@code t} set for each nal_unit_type {@code t} a sample must hold
         *     (before its random access picture) for nothing to be inserted
         */
        public Format(String module, String structure, String spec, String limitName, BitReader.Errors errors,
                String nalSpec, boolean startCodeErrorAtNalUnit, int typeShift, int typeMask, int audType, long irapTypes,
                long parameterSetTypes) {
            this.module = module;
            this.structure = structure;
            this.spec = spec;
            this.limitName = limitName;
            this.errors = errors;
            this.nalSpec = nalSpec;
            this.startCodeErrorAtNalUnit = startCodeErrorAtNalUnit;
            this.typeShift = typeShift;
            this.typeMask = typeMask;
            this.audType = audType;
            this.irapTypes = irapTypes;
            this.parameterSetTypes = parameterSetTypes;
        }

        /**
         * The nal_unit_type of a NAL unit whose first byte is {@code firstByte}.
         *
         * @param firstByte the NAL unit's first byte, 0..255
         * @return its nal_unit_type
         */
        public int type(int firstByte) {
            return firstByte >>> typeShift & typeMask;
        }
    }

    private LengthPrefixedNals() {}

    /**
     * Requires a NALUnitLength size of 1, 2 or 4 bytes.
     *
     * @param lengthSize the size to check
     * @throws IllegalArgumentException for any other size
     */
    public static void requireLengthSize(int lengthSize) {
        if (lengthSize != 1 && lengthSize != 2 && lengthSize != 4) {
            throw new IllegalArgumentException("NALUnitLength size must be 1, 2 or 4, not " + lengthSize);
        }
    }

    /**
     * The NAL units of {@code sample[position, limit)} as slices, in order; the position is unchanged.
     *
     * @param sample the length-prefixed NAL units
     * @param lengthSize bytes per NALUnitLength: 1, 2 or 4
     * @param maxNalSize the longest NAL unit accepted
     * @param offset stream offset of the sample's first byte, for errors
     * @param f the module's format
     * @return the NAL units, a new mutable list
     * @throws TruncatedInputException if a length field or a NAL unit runs past the limit
     * @throws LimitExceededException if a length exceeds {@code maxNalSize}
     * @throws IllegalArgumentException if {@code lengthSize} is not 1, 2 or 4
     */
    public static List<ByteBuffer> split(ByteBuffer sample, int lengthSize, int maxNalSize, long offset, Format f) {
        requireLengthSize(lengthSize);
        List<ByteBuffer> nals = new ArrayList<>();
        int p = sample.position();
        int end = sample.limit();
        while (p < end) {
            int length = checkedLength(sample, p, end, lengthSize, maxNalSize, offset + (p - sample.position()), f);
            p += lengthSize;
            if (length > 0) {
                nals.add(sample.slice(p, length));
            }
            p += length;
        }
        return nals;
    }

    /**
     * Bytes {@link #write} needs.
     *
     * @param nals the NAL units
     * @param lengthSize bytes per NALUnitLength: 1, 2 or 4
     * @return the size in bytes
     * @throws ArithmeticException if the total passes {@link Integer#MAX_VALUE}
     */
    public static int encodedSize(List<ByteBuffer> nals, int lengthSize) {
        requireLengthSize(lengthSize);
        int size = 0;
        for (ByteBuffer nal : nals) {
            size = Math.addExact(size, Math.addExact(lengthSize, nal.remaining()));
        }
        return size;
    }

    /**
     * Writes each NAL unit's remaining bytes after its length; moves {@code out}'s position and leaves
     * the NAL buffers unchanged.
     *
     * @param nals the NAL units
     * @param lengthSize bytes per NALUnitLength: 1, 2 or 4
     * @param out where they go
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

    /**
     * The NAL units length-prefixed into a new array.
     *
     * @param nals the NAL units
     * @param lengthSize bytes per NALUnitLength: 1, 2 or 4
     * @return {@link #encodedSize} bytes
     */
    public static byte[] toByteArray(List<ByteBuffer> nals, int lengthSize) {
        ByteBuffer out = ByteBuffer.allocate(encodedSize(nals, lengthSize));
        write(nals, lengthSize, out);
        return out.array();
    }

    /**
     * Annex B to length-prefixed: the NAL units of {@code annexB[position, limit)} (as
     * {@link AnnexBNals#split}) after their lengths, those whose nal_unit_type {@code t} has bit
     * {@code t} set in {@code dropTypes} left out.
     *
     * @param annexB the Annex B byte stream
     * @param lengthSize bytes per NALUnitLength: 1, 2 or 4
     * @param dropTypes the nal_unit_types to leave out, one bit each (0 keeps all)
     * @param f the module's format
     * @return the length-prefixed NAL units
     * @throws IllegalArgumentException if {@code lengthSize} is not 1, 2 or 4 or a NAL unit does not fit it
     */
    public static byte[] fromAnnexB(ByteBuffer annexB, int lengthSize, long dropTypes, Format f) {
        List<ByteBuffer> nals = AnnexBNals.split(annexB);
        if (dropTypes != 0) {
            nals.removeIf(nal -> (dropTypes >>> f.type(nal.get(nal.position()) & 0xFF) & 1) != 0);
        }
        return toByteArray(nals, lengthSize);
    }

    /**
     * The NALUnitLength at {@code p}, checked: the field is complete, the length within
     * {@code maxNalSize} and inside the sample ({@code at} is the field's offset for errors).
     */
    static int checkedLength(ByteBuffer sample, int p, int end, int lengthSize, int maxNalSize, long at, Format f) {
        if (end - p < lengthSize) {
            throw new TruncatedInputException(f.module, f.structure + " NALUnitLength",
                    "needs " + lengthSize + " bytes, " + (end - p) + " remain", at, f.spec);
        }
        long length = readLength(sample, p, lengthSize) & 0xFFFFFFFFL;
        int rest = end - p - lengthSize;
        if (length > maxNalSize) {
            throw new LimitExceededException(f.module, f.structure + " NALUnitLength", f.limitName, maxNalSize, length, at);
        }
        if (length > rest) {
            throw new TruncatedInputException(f.module, f.structure + " NALUnitLength",
                    length + " runs past the sample end (" + rest + " bytes remain)", at, f.spec);
        }
        return (int) length;
    }

    static int readLength(ByteBuffer sample, int p, int lengthSize) {
        int length = 0;
        for (int i = 0; i < lengthSize; i++) {
            length = length << 8 | (sample.get(p + i) & 0xFF);
        }
        return length;
    }
}

package io.streamwire.mp4;

import io.streamwire.core.StreamwireException;

/**
 * Root of the errors this module raises for malformed ISO BMFF input: a box size below its header or past its parent,
 * a count past its spec bound, a sample table that does not add up. Catch it to
 * catch one module; the shared subtypes of {@link StreamwireException} say why input was refused
 * whatever module refused it: {@link io.streamwire.core.TruncatedInputException} (a structure ends early
 * inside a complete NAL unit or record), {@link io.streamwire.core.LimitExceededException} (names the
 * {@code Mp4Limits} setting) and {@link io.streamwire.core.UnsupportedFeatureException}. All of them
 * carry {@link #module()} {@code "mp4"}.
 *
 * <p>Carries the byte offset of the problem counted from the start of the stream, the syntax
 * element it concerns ({@code "<structure> <element>"}, e.g. {@code "moov/trak[1]/mdia/minf/stbl/stsz sample_count"})
 * and the spec reference. Messages read
 * {@code "moov/trak[1]/mdia/minf/stbl/stsz sample_count 16 out of range (expected: 0..15) at offset 41; ISO/IEC 14496-12 §8.7.3"}.
 *
 * <p>Immutable once thrown; safe to hand to another thread.
 *
 * @since 0.2.0
 */
public class Mp4Exception extends StreamwireException {
    private static final long serialVersionUID = 1L;

    /** The name every exception of this module carries in {@link #module()}. */
    static final String MODULE = "mp4";

    /**
     * @param field the syntax element at fault, e.g. {@code "moov/trak[1]/mdia/minf/stbl/stsz sample_count"}
     * @param problem what is wrong with it, e.g. {@code "1000 entries need 4000 bytes, 12 remain"}
     * @param offset byte offset from the start of the stream, or -1 when unknown
     * @param specRef the spec section, e.g. {@code "ISO/IEC 14496-12 §8.7.3"}, or null
     */
    public Mp4Exception(String field, String problem, long offset, String specRef) {
        super(MODULE, field, problem, offset, specRef);
    }
}

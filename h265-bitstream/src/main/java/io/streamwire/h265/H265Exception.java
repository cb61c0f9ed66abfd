package io.streamwire.h265;

import io.streamwire.core.StreamwireException;

/**
 * Root of the errors this module raises for malformed H.265 / HEVC input: a value out of its range,
 * a reference to a parameter set not seen, a count past its spec bound, bad trailing bits. Catch it to
 * catch one module; the shared subtypes of {@link StreamwireException} say why input was refused
 * whatever module refused it: {@link io.streamwire.core.TruncatedInputException} (a structure ends early
 * inside a complete NAL unit or record), {@link io.streamwire.core.LimitExceededException} (names the
 * {@link H265Limits} setting) and {@link io.streamwire.core.UnsupportedFeatureException}. All of them
 * carry {@link #module()} {@code "h265"}.
 *
 * <p>Carries the byte offset of the problem counted from the start of the stream, the syntax
 * element it concerns ({@code "<structure> <element>"}, e.g. {@code "sps sps_seq_parameter_set_id"})
 * and the spec reference. Messages read
 * {@code "sps sps_seq_parameter_set_id 16 out of range (expected: 0..15) at offset 41; ITU-T H.265 §7.4.3.2.1"}.
 *
 * <p>Immutable once thrown; safe to hand to another thread.
 *
 * @since 0.2.0
 */
public class H265Exception extends StreamwireException {
    private static final long serialVersionUID = 1L;

    /** The name every exception of this module carries in {@link #module()}. */
    static final String MODULE = "h265";

    /**
     * @param field the syntax element at fault, e.g. {@code "sps sps_seq_parameter_set_id"}
     * @param problem what is wrong with it, e.g. {@code "16 out of range (expected: 0..15)"}
     * @param offset byte offset from the start of the stream, or -1 when unknown
     * @param specRef the spec section, e.g. {@code "ITU-T H.265 §7.4.3.2.1"}, or null
     */
    public H265Exception(String field, String problem, long offset, String specRef) {
        super(MODULE, field, problem, offset, specRef);
    }
}

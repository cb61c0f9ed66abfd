package io.streamwire.aac;

import io.streamwire.core.StreamwireException;
import io.streamwire.core.internal.BitReader;
import java.nio.ByteBuffer;

/**
 * Malformed AAC transport input: a reserved or out-of-range value, a length that contradicts the
 * bytes around it (ADTS, AudioSpecificConfig, program_config_element, LOAS/LATM). The root of this
 * module's own errors, under {@link StreamwireException}.
 *
 * <p>Input refused for another reason raises one of the exceptions shared by every module, with
 * {@link #module()} {@code "aac"}: {@link io.streamwire.core.TruncatedInputException} (a structure
 * ends early, raised only by {@code endOfInput()} or a one-shot parse of a whole structure),
 * {@link io.streamwire.core.LimitExceededException} (an {@link AacLimits} setting, named in the
 * message) and {@link io.streamwire.core.UnsupportedFeatureException} (valid input this module does
 * not implement). So {@code catch (AacException e)} catches malformed AAC input only, and
 * {@code catch (StreamwireException e)} catches everything any Streamwire module refuses.
 *
 * <p>Carries the byte {@link #offset()} of the problem counted from the start of the stream (across
 * feeds), the spec {@link #field()} and the {@link #specRef()}. Messages read
 * {@code "<field> <problem> at offset <n>; <spec reference>"}, e.g.
 * {@code "adts sampling_frequency_index 13 is reserved at offset 2; ISO/IEC 14496-3 §1.A.3.2.1, Table 1.18"}.
 *
 * <p>Immutable once thrown; safe to hand to another thread.
 *
 * @since 0.1.0
 */
public class AacException extends StreamwireException {
    private static final long serialVersionUID = 1L;

    /** The {@link #module()} name of every exception this module raises. */
    static final String MODULE = "aac";

    /**
     * @param field the spec element at fault, e.g. {@code "adts sampling_frequency_index"}
     * @param problem what is wrong with it, e.g. {@code "15 is forbidden"}
     * @param offset byte offset from the start of the stream, or -1 when unknown
     * @param specRef the spec section, e.g. {@code "ISO/IEC 14496-3 §1.A.2.2.1"}, or null
     */
    public AacException(String field, String problem, long offset, String specRef) {
        super(MODULE, field, problem, offset, specRef);
    }

    /**
     * The shared bit reader over {@code buf[from, to)}, raising this module's exceptions; fields are
     * named as given (no structure prefix).
     *
     * @param baseOffset stream offset of {@code buf[from]}, for error offsets
     */
    static BitReader bitReader(ByteBuffer buf, int from, int to, long baseOffset, String specRef) {
        return BitReader.raw(MODULE, buf, from, to, baseOffset, null, specRef, AacException::new);
    }
}

package io.streamwire.amf;

import io.streamwire.core.LimitExceededException;
import io.streamwire.core.StreamwireException;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.core.UnsupportedFeatureException;

/**
 * Malformed AMF0 or AMF3 input (module {@code "amf"}). The root of the module's own errors; the
 * shared {@link TruncatedInputException}, {@link LimitExceededException} (a length or count past
 * {@link AmfLimits}) and {@link UnsupportedFeatureException} (an externalizable AMF3 class with no
 * registered reader) of {@code io.streamwire.core} carry {@link StreamwireException#module() module()}
 * {@code "amf"}. Catch {@link StreamwireException} for every error of every module.
 *
 * <p>Carries the byte offset of the problem counted from the start of the value or message read,
 * the spec field it concerns and the spec reference. Messages read
 * {@code "<field> <problem> at offset <n>; <spec reference>"}.
 *
 * <p>Immutable once thrown; safe to hand to another thread.
 *
 * @since 0.1.0
 */
public class AmfException extends StreamwireException {
    private static final long serialVersionUID = 1L;

    /** The name {@link StreamwireException#module()} returns for this module's errors. */
    static final String MODULE = "amf";

    /**
     * @param field the spec element at fault, e.g. {@code "amf0 type-marker"}
     * @param problem what is wrong with it, e.g. {@code "0x0E is reserved"}
     * @param offset byte offset from the start of the input, or -1 when unknown
     * @param specRef the spec section, e.g. {@code "AMF0 §2.1"}, or null
     */
    public AmfException(String field, String problem, long offset, String specRef) {
        super(MODULE, field, problem, offset, specRef);
    }

    /** A value cut short: {@code "<field> needs <needed> bytes, <remaining> remain"}. */
    static TruncatedInputException truncated(String field, long needed, long remaining, long offset, String specRef) {
        return new TruncatedInputException(MODULE, field, "needs " + needed + " bytes, " + remaining + " remain", offset,
                specRef);
    }

    /** A length or count past one of the {@link AmfLimits}, named by its accessor, e.g. {@code "maxDepth"}. */
    static LimitExceededException limit(String field, String setting, long limit, long actual, long offset) {
        return new LimitExceededException(MODULE, field, "AmfLimits." + setting + "()", limit, actual, offset);
    }

    /** Valid input that is not implemented. */
    static UnsupportedFeatureException unsupported(String field, String problem, long offset, String specRef) {
        return new UnsupportedFeatureException(MODULE, field, problem, offset, specRef);
    }
}

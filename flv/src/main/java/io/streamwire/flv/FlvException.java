package io.streamwire.flv;

import io.streamwire.core.LimitExceededException;
import io.streamwire.core.StreamwireException;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.core.UnsupportedFeatureException;

/**
 * Malformed FLV input (module {@code "flv"}: the FLV header, tags and tag bodies). The root of the
 * module's own errors; the shared {@link TruncatedInputException} and {@link LimitExceededException}
 * of {@code io.streamwire.core} carry {@link StreamwireException#module() module()} {@code "flv"}
 * for a structure cut short and for a length past {@link FlvLimits}. Catch
 * {@link StreamwireException} for every error of every module.
 *
 * <p>Carries the byte offset of the problem counted from the start of the stream (across feeds), the
 * spec field it concerns and the spec reference. Messages read
 * {@code "<field> <problem> at offset <n>; <spec reference>"}.
 *
 * <p>Immutable once thrown; safe to hand to another thread.
 *
 * @since 0.1.0
 */
public class FlvException extends StreamwireException {
    private static final long serialVersionUID = 1L;

    /** The name {@link StreamwireException#module()} returns for this module's errors. */
    static final String MODULE = "flv";

    /**
     * @param field the spec element at fault, e.g. {@code "flv TagType"}
     * @param problem what is wrong with it, e.g. {@code "7 is not 8, 9 or 18"}
     * @param offset byte offset from the start of the stream, or -1 when unknown
     * @param specRef the spec section, e.g. {@code "Adobe FLV/F4V v10.1 §E.4.1"}, or null
     */
    public FlvException(String field, String problem, long offset, String specRef) {
        super(MODULE, field, problem, offset, specRef);
    }

    /** A structure cut short: {@code "<field> needs <needed> bytes, <remaining> remain"}. */
    static TruncatedInputException truncated(String field, long needed, long remaining, long offset, String specRef) {
        return new TruncatedInputException(MODULE, field, "needs " + needed + " bytes, " + remaining + " remain", offset,
                specRef);
    }

    /** A length past one of the {@link FlvLimits}, named by its accessor, e.g. {@code "maxTagSize"}. */
    static LimitExceededException limit(String field, String setting, long limit, long actual, long offset) {
        return new LimitExceededException(MODULE, field, "FlvLimits." + setting + "()", limit, actual, offset);
    }

    /**
     * An AMF error met inside an FLV structure (a SCRIPTDATA body), as this module's: a limit stays a
     * {@link LimitExceededException}, an unsupported feature an {@link UnsupportedFeatureException},
     * anything else (malformed or cut short inside the body) becomes an {@link FlvException}; the
     * AMF error is the cause and the offset is moved to the stream's.
     */
    static StreamwireException fromAmf(String what, StreamwireException e, long base, String specRef) {
        long at = base + Math.max(0, e.offset());
        StreamwireException wrapped;
        if (e instanceof LimitExceededException l) {
            wrapped = new LimitExceededException(MODULE, what + " " + e.field(), l.limitName(), l.limit(), l.actual(), at);
        } else if (e instanceof UnsupportedFeatureException) {
            wrapped = new UnsupportedFeatureException(MODULE, what + " " + e.field(), "is not supported: " + e.getMessage(),
                    at, specRef);
        } else {
            wrapped = new FlvException(what + " " + e.field(), "is malformed AMF0: " + e.getMessage(), at, specRef);
        }
        wrapped.initCause(e);
        return wrapped;
    }
}

package io.streamwire.rtmp;

import io.streamwire.core.LimitExceededException;
import io.streamwire.core.StreamwireException;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.core.UnsupportedFeatureException;

/**
 * Malformed RTMP input (module {@code "rtmp"}: handshake, chunk stream, messages, commands in the
 * wrong state). The root of the module's own errors; the shared {@link TruncatedInputException}
 * (a stream that ends inside a chunk, a message or the handshake), {@link LimitExceededException}
 * (past a setting of {@link RtmpLimits}, or of the {@code AmfLimits} a session was given) and
 * {@link UnsupportedFeatureException} (a handshake version other than 3, e.g. RTMPE) of
 * {@code io.streamwire.core} carry {@link StreamwireException#module() module()} {@code "rtmp"}.
 * Catch {@link StreamwireException} for every error of every module.
 *
 * <p>Carries the byte offset of the problem counted from the start of the stream (across feeds), the
 * spec field it concerns and the spec reference. Messages read
 * {@code "<field> <problem> at offset <n>; <spec reference>"}.
 *
 * <p>Immutable once thrown; safe to hand to another thread.
 *
 * @since 0.1.0
 */
public class RtmpException extends StreamwireException {
    private static final long serialVersionUID = 1L;

    /** The name {@link StreamwireException#module()} returns for this module's errors. */
    static final String MODULE = "rtmp";

    /**
     * @param field the spec element at fault, e.g. {@code "chunk fmt"}
     * @param problem what is wrong with it, e.g. {@code "1 on chunk stream 4 that has no previous message header"}
     * @param offset byte offset from the start of the stream, or -1 when unknown
     * @param specRef the spec section, e.g. {@code "RTMP 1.0 §5.3.1.2"}, or null
     */
    public RtmpException(String field, String problem, long offset, String specRef) {
        super(MODULE, field, problem, offset, specRef);
    }

    /** A stream that ended inside a structure. */
    static TruncatedInputException truncated(String field, String problem, long offset, String specRef) {
        return new TruncatedInputException(MODULE, field, problem, offset, specRef);
    }

    /** A value past one of the {@link RtmpLimits}, named by its accessor, e.g. {@code "maxMessageLength"}. */
    static LimitExceededException limit(String field, String setting, long limit, long actual, long offset) {
        return new LimitExceededException(MODULE, field, "RtmpLimits." + setting + "()", limit, actual, offset);
    }

    /** Valid input that is not implemented. */
    static UnsupportedFeatureException unsupported(String field, String problem, long offset, String specRef) {
        return new UnsupportedFeatureException(MODULE, field, problem, offset, specRef);
    }

    /**
     * An AMF error met inside an RTMP message, as this module's: a limit stays a
     * {@link LimitExceededException}, an unsupported feature an {@link UnsupportedFeatureException},
     * anything else (malformed, or cut short inside a complete message) becomes an
     * {@link RtmpException}; the AMF error is the cause and its offset is moved by {@code base}
     * (the stream offset of the message body, or -1 when unknown).
     */
    static StreamwireException fromAmf(String what, String problem, StreamwireException e, long base, String specRef) {
        long at = base < 0 ? -1 : base + Math.max(0, e.offset());
        StreamwireException wrapped;
        if (e instanceof LimitExceededException l) {
            wrapped = new LimitExceededException(MODULE, what + " " + e.field(), l.limitName(), l.limit(), l.actual(), at);
        } else if (e instanceof UnsupportedFeatureException) {
            wrapped = new UnsupportedFeatureException(MODULE, what + " " + e.field(), problem + ": " + e.getMessage(), at,
                    specRef);
        } else {
            wrapped = new RtmpException(what + " " + e.field(), problem + ": " + e.getMessage(), at, specRef);
        }
        wrapped.initCause(e);
        return wrapped;
    }
}

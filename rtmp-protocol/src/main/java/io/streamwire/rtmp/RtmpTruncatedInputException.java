package io.streamwire.rtmp;

/**
 * The input ended inside a structure: thrown only by {@code endOfInput()} or when the caller declared
 * the input complete.
 *
 * <p>Immutable once thrown; safe to hand to another thread.
 *
 * @since 0.1.0
 */
public class RtmpTruncatedInputException extends RtmpException {
    private static final long serialVersionUID = 1L;

    /** Same arguments as {@link RtmpException#RtmpException(String, String, long, String)}. */
    public RtmpTruncatedInputException(String field, String problem, long offset, String specRef) {
        super(field, problem, offset, specRef);
    }
}

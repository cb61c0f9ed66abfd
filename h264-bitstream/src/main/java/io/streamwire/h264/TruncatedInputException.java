package io.streamwire.h264;

/**
 * A structure ends before its syntax is complete: raised only when the input is known to be
 * complete (a whole NAL unit, a whole record, or {@code endOfInput()}).
 *
 * <p>Immutable once thrown.
 *
 * @since 0.1.0
 */
public final class TruncatedInputException extends H264Exception {
    private static final long serialVersionUID = 1L;

    /** See {@link H264Exception#H264Exception(String, String, long, String)}. */
    public TruncatedInputException(String field, String problem, long offset, String specRef) {
        super(field, problem, offset, specRef);
    }
}

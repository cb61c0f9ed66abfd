package io.streamwire.mpegts;

/**
 * A structure ends before its declared length; raised only when the caller declared the input
 * complete (a single-structure {@code parse}, or {@code endOfInput()} of a strict decoder).
 *
 * <p>Immutable once thrown.
 *
 * @since 0.1.0
 */
public class TruncatedInputException extends TsException {
    private static final long serialVersionUID = 1L;

    /** See {@link TsException#TsException(String, String, long, String)}. */
    public TruncatedInputException(String field, String problem, long offset, String specRef) {
        super(field, problem, offset, specRef);
    }
}

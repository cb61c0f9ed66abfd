package io.streamwire.core;

/**
 * A structure ends before its syntax is complete. Raised only when the input is known to be
 * complete: at {@link StreamDecoder#endOfInput()}, or by a one-shot parse given a whole structure
 * (a NAL unit, a record, a section); a push decoder never raises it for input that may still come.
 *
 * <p>Immutable once thrown.
 *
 * @since 0.1.0
 */
public final class TruncatedInputException extends StreamwireException {
    private static final long serialVersionUID = 1L;

    /**
     * @param module the module that raised it (see {@link StreamwireException#module()})
     * @param field the spec element that could not be read
     * @param problem what is missing, e.g. {@code "needs 4 bytes, 2 remain"}
     * @param offset byte offset from the start of the stream
     * @param specRef the spec section, or null
     */
    public TruncatedInputException(String module, String field, String problem, long offset, String specRef) {
        super(module, field, problem, offset, specRef);
    }
}

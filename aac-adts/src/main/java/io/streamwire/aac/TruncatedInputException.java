package io.streamwire.aac;

/**
 * The input ended inside a structure: thrown only by {@code endOfInput()} or when the caller
 * declared the input complete (single-structure {@code parse} methods treat the buffer as the
 * whole structure).
 *
 * <p>Immutable once thrown; safe to hand to another thread.
 *
 * @since 0.1.0
 */
public class TruncatedInputException extends AacException {
    private static final long serialVersionUID = 1L;

    /**
     * @param field the structure that was cut short
     * @param problem how many bytes it needs and how many there were
     * @param offset byte offset of the structure's start from the start of the stream
     * @param specRef the spec section, or null
     */
    public TruncatedInputException(String field, String problem, long offset, String specRef) {
        super(field, problem, offset, specRef);
    }
}

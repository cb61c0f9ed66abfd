package io.streamwire.flv;

/**
 * The FLV input ended inside a structure: thrown by single-structure parsers, and by
 * {@link FlvDecoder#endOfInput()} only in strict mode (otherwise a truncated tail is an
 * {@link FlvAnomaly}).
 *
 * <p>Immutable once thrown; safe to hand to another thread.
 *
 * @since 0.1.0
 */
public class FlvTruncatedInputException extends FlvException {
    private static final long serialVersionUID = 1L;

    /**
     * @param field the element being read
     * @param needed bytes it needs
     * @param remaining bytes that were left
     * @param offset stream offset
     * @param specRef spec section, or null
     */
    public FlvTruncatedInputException(String field, long needed, long remaining, long offset, String specRef) {
        super(field, "needs " + needed + " bytes, " + remaining + " remain", offset, specRef);
    }
}

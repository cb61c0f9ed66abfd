package io.streamwire.amf;

/**
 * The AMF input ended inside a value. AMF readers work on complete messages (an RTMP message body
 * or an FLV script tag), so running out of bytes always means truncation.
 *
 * <p>Immutable once thrown; safe to hand to another thread.
 *
 * @since 0.1.0
 */
public class AmfTruncatedInputException extends AmfException {
    private static final long serialVersionUID = 1L;

    /**
     * @param field the element being read
     * @param needed bytes it needs
     * @param remaining bytes that were left
     * @param offset stream offset of the element
     * @param specRef spec section, or null
     */
    public AmfTruncatedInputException(String field, long needed, long remaining, long offset, String specRef) {
        super(field, "needs " + needed + " bytes, " + remaining + " remain", offset, specRef);
    }
}

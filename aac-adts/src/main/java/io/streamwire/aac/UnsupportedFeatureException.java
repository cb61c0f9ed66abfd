package io.streamwire.aac;

/**
 * Valid input that this module does not implement (for example LATM with several programs or
 * layers, or an ADTS conversion that ADTS cannot express).
 *
 * <p>Immutable once thrown; safe to hand to another thread.
 *
 * @since 0.1.0
 */
public class UnsupportedFeatureException extends AacException {
    private static final long serialVersionUID = 1L;

    /**
     * @param field the spec element that selects the feature
     * @param problem what is not supported
     * @param offset byte offset from the start of the stream, or -1 when unknown
     * @param specRef the spec section, or null
     */
    public UnsupportedFeatureException(String field, String problem, long offset, String specRef) {
        super(field, problem, offset, specRef);
    }
}

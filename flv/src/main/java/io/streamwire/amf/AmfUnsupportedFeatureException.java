package io.streamwire.amf;

/**
 * Valid AMF that this library does not decode without help: an AMF3 externalizable object whose
 * class has no registered reader ({@link Amf3Reader.ExternalizableReader}).
 *
 * <p>Immutable once thrown; safe to hand to another thread.
 *
 * @since 0.1.0
 */
public class AmfUnsupportedFeatureException extends AmfException {
    private static final long serialVersionUID = 1L;

    /**
     * @param field the element
     * @param problem what is not supported
     * @param offset stream offset
     * @param specRef spec section, or null
     */
    public AmfUnsupportedFeatureException(String field, String problem, long offset, String specRef) {
        super(field, problem, offset, specRef);
    }
}

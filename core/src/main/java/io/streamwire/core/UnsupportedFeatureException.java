package io.streamwire.core;

/**
 * Valid input that the module does not implement, e.g. an ADTS frame with several raw data blocks
 * and a CRC, or the slice header of an MVC coded slice extension.
 *
 * <p>Immutable once thrown.
 *
 * @since 0.1.0
 */
public final class UnsupportedFeatureException extends StreamwireException {
    private static final long serialVersionUID = 1L;

    /**
     * @param module the module that raised it (see {@link StreamwireException#module()})
     * @param field the spec element that selects the feature
     * @param problem what is not supported
     * @param offset byte offset from the start of the stream
     * @param specRef the spec section, or null
     */
    public UnsupportedFeatureException(String module, String field, String problem, long offset, String specRef) {
        super(module, field, problem, offset, specRef);
    }
}

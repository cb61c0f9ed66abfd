package io.streamwire.h264;

/**
 * Valid input this module does not implement, e.g. the slice header of an MVC/3D-AVC coded slice
 * extension (NAL unit types 20 and 21).
 *
 * <p>Immutable once thrown.
 *
 * @since 0.1.0
 */
public final class UnsupportedFeatureException extends H264Exception {
    private static final long serialVersionUID = 1L;

    /** See {@link H264Exception#H264Exception(String, String, long, String)}. */
    public UnsupportedFeatureException(String field, String problem, long offset, String specRef) {
        super(field, problem, offset, specRef);
    }
}

package io.streamwire.rtmp;

/**
 * Valid input this module does not implement, such as RTMPE (handshake version 6).
 *
 * <p>Immutable once thrown; safe to hand to another thread.
 *
 * @since 0.1.0
 */
public class RtmpUnsupportedFeatureException extends RtmpException {
    private static final long serialVersionUID = 1L;

    /** Same arguments as {@link RtmpException#RtmpException(String, String, long, String)}. */
    public RtmpUnsupportedFeatureException(String field, String problem, long offset, String specRef) {
        super(field, problem, offset, specRef);
    }
}

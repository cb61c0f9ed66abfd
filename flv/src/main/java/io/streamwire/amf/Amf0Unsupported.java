package io.streamwire.amf;


/**
 * AMF0 unsupported (marker 0x0D), AMF0 §2.15.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf0Unsupported() implements Amf0Value {
    /** The only instance needed. */
    public static final Amf0Unsupported INSTANCE = new Amf0Unsupported();
}

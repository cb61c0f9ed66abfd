package io.streamwire.amf;


/**
 * AMF3 null (marker 0x01), AMF3 §3.3.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf3Null() implements Amf3Value {
    /** The only instance needed. */
    public static final Amf3Null INSTANCE = new Amf3Null();
}

package io.streamwire.amf;


/**
 * AMF3 undefined (marker 0x00), AMF3 §3.2.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf3Undefined() implements Amf3Value {
    /** The only instance needed. */
    public static final Amf3Undefined INSTANCE = new Amf3Undefined();
}

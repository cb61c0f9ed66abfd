package io.streamwire.amf;


/**
 * AMF0 undefined (marker 0x06), AMF0 §2.8.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf0Undefined() implements Amf0Value {
    /** The only instance needed. */
    public static final Amf0Undefined INSTANCE = new Amf0Undefined();
}

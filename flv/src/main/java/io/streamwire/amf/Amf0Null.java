package io.streamwire.amf;


/**
 * AMF0 null (marker 0x05), AMF0 §2.7.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf0Null() implements Amf0Value {
    /** The only instance needed. */
    public static final Amf0Null INSTANCE = new Amf0Null();
}

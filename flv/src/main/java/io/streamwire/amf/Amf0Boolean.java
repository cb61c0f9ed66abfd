package io.streamwire.amf;


/**
 * AMF0 boolean (marker 0x01): one byte, non-zero is true, AMF0 §2.3.
 *
 * @param value the value
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf0Boolean(boolean value) implements Amf0Value {
    /** true. */
    public static final Amf0Boolean TRUE = new Amf0Boolean(true);
    /** false. */
    public static final Amf0Boolean FALSE = new Amf0Boolean(false);
}

package io.streamwire.amf;


/**
 * AMF3 false (marker 0x02) or true (marker 0x03), AMF3 §3.4 and §3.5.
 *
 * @param value the value
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf3Boolean(boolean value) implements Amf3Value {
    /** true. */
    public static final Amf3Boolean TRUE = new Amf3Boolean(true);
    /** false. */
    public static final Amf3Boolean FALSE = new Amf3Boolean(false);
}

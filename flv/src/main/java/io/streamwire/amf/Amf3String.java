package io.streamwire.amf;

import java.util.Objects;

/**
 * AMF3 string (marker 0x06), UTF-8 with a U29S length or string reference, AMF3 §3.8.
 *
 * @param value the text
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf3String(String value) implements Amf3Value {
    /** Checks for null. */
    public Amf3String {
        Objects.requireNonNull(value, "value");
    }
}

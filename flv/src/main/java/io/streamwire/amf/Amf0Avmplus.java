package io.streamwire.amf;

import java.util.Objects;

/**
 * AMF0 avmplus-object (marker 0x11): the next value is AMF3, AMF0 §3.1.
 *
 * @param value the AMF3 value
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf0Avmplus(Amf3Value value) implements Amf0Value {
    /** Checks for null. */
    public Amf0Avmplus {
        Objects.requireNonNull(value, "value");
    }
}

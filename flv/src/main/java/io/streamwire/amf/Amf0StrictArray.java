package io.streamwire.amf;

import java.util.List;

/**
 * AMF0 strict array (marker 0x0A): U32 count, then that many values, AMF0 §2.12.
 *
 * @param values the values (unmodifiable copy)
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf0StrictArray(List<Amf0Value> values) implements Amf0Value {
    /** Copies the values. */
    public Amf0StrictArray {
        values = List.copyOf(values);
    }
}

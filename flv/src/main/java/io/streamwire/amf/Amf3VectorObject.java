package io.streamwire.amf;

import java.util.List;
import java.util.Objects;

/**
 * AMF3 Vector.&lt;Object&gt; (marker 0x10), AMF3 §3.15.
 *
 * @param fixed fixed-vector flag
 * @param typeName the element type name, "" or "*" for any
 * @param values the elements (unmodifiable copy)
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf3VectorObject(boolean fixed, String typeName, List<Amf3Value> values) implements Amf3Value {
    /** Copies the values. */
    public Amf3VectorObject {
        Objects.requireNonNull(typeName, "typeName");
        values = List.copyOf(values);
    }
}

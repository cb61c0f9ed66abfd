package io.streamwire.amf;

import io.streamwire.amf.internal.Props;
import java.util.List;
import java.util.Map;

/**
 * AMF3 array (marker 0x09): associative part (string keys in wire order) and dense part, AMF3 §3.11.
 *
 * @param associative name/value pairs before the dense part (unmodifiable copy)
 * @param dense the dense values (unmodifiable copy)
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf3Array(Map<String, Amf3Value> associative, List<Amf3Value> dense) implements Amf3Value {
    /** Copies both parts. */
    public Amf3Array {
        associative = Props.copy(associative);
        dense = List.copyOf(dense);
    }

    /** A dense array. */
    public static Amf3Array of(List<? extends Amf3Value> dense) {
        return new Amf3Array(Map.of(), List.copyOf(dense));
    }
}

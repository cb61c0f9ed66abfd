package io.streamwire.amf;

import io.streamwire.amf.internal.Props;
import java.util.Map;

/**
 * AMF0 anonymous object (marker 0x03): properties until the empty name and object-end marker,
 * AMF0 §2.5.
 *
 * @param properties properties in wire order (unmodifiable copy)
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf0Object(Map<String, Amf0Value> properties) implements Amf0Value {
    /** Copies the properties, keeping their order. */
    public Amf0Object {
        properties = Props.copy(properties);
    }

    /** The property, or null. */
    public Amf0Value get(String name) {
        return properties.get(name);
    }
}

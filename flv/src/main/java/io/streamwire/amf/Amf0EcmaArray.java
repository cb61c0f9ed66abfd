package io.streamwire.amf;

import io.streamwire.amf.internal.Props;
import java.util.Map;

/**
 * AMF0 ECMA array (marker 0x08): an associative array, U32 count then properties until object-end,
 * AMF0 §2.10. The count is taken as a hint only (encoders get it wrong); the writer writes the
 * actual size.
 *
 * @param properties properties in wire order (unmodifiable copy)
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf0EcmaArray(Map<String, Amf0Value> properties) implements Amf0Value {
    /** Copies the properties, keeping their order. */
    public Amf0EcmaArray {
        properties = Props.copy(properties);
    }

    /** The property, or null. */
    public Amf0Value get(String name) {
        return properties.get(name);
    }
}

package io.streamwire.amf;

import io.streamwire.amf.internal.Props;
import java.util.Map;
import java.util.Objects;

/**
 * AMF0 typed object (marker 0x10): a UTF-8 class name, then properties until object-end, AMF0
 * §2.18.
 *
 * @param className the registered class name
 * @param properties properties in wire order (unmodifiable copy)
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf0TypedObject(String className, Map<String, Amf0Value> properties) implements Amf0Value {
    /** Copies the properties, keeping their order. */
    public Amf0TypedObject {
        Objects.requireNonNull(className, "className");
        properties = Props.copy(properties);
    }

    /** The property, or null. */
    public Amf0Value get(String name) {
        return properties.get(name);
    }
}

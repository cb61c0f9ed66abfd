package io.streamwire.amf;

import java.util.List;
import java.util.Objects;

/**
 * AMF3 Dictionary (marker 0x11): key/value pairs whose keys are any AMF3 value, AMF3 §3.16.
 *
 * @param weakKeys weak-keys flag
 * @param entries the pairs in wire order (unmodifiable copy)
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf3Dictionary(boolean weakKeys, List<Amf3Dictionary.Entry> entries) implements Amf3Value {
    /** Copies the entries. */
    public Amf3Dictionary {
        entries = List.copyOf(entries);
    }

    /**
     * One key/value pair.
     *
     * @param key the key
     * @param value the value
     */
    public record Entry(Amf3Value key, Amf3Value value) {
        /** Checks for null. */
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }
}

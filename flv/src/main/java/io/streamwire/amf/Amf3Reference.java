package io.streamwire.amf;


/**
 * A reference into the AMF3 object table to a value that encloses it (a cycle), AMF3 §2.2.
 *
 * @param index the object-table index
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf3Reference(int index) implements Amf3Value {
    /** Checks the range. */
    public Amf3Reference {
        if (index < 0) {
            throw new IllegalArgumentException("negative reference " + index);
        }
    }
}

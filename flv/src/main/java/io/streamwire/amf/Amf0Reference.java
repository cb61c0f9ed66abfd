package io.streamwire.amf;


/**
 * AMF0 reference (marker 0x07, U16 index into the table of objects, typed objects, ECMA and strict
 * arrays read so far in this message), AMF0 §2.9. The tree reader resolves references to complete
 * values; this record remains only for a reference to a value that encloses it (a cycle).
 *
 * @param index the table index, 0..65535
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf0Reference(int index) implements Amf0Value {
    /** Checks the range. */
    public Amf0Reference {
        if (index < 0 || index > 0xFFFF) {
            throw new IllegalArgumentException("reference index " + index + " out of 0..65535");
        }
    }
}

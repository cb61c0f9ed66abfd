package io.streamwire.amf;

import java.util.Arrays;

/**
 * AMF3 Vector.&lt;Number&gt; (marker 0x0F), double elements, AMF3 §3.15.
 *
 * @param fixed fixed-vector flag
 * @param values the elements (defensive copy; {@link #values()} returns a copy)
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf3VectorDouble(boolean fixed, double[] values) implements Amf3Value {
    /** Copies the elements. */
    public Amf3VectorDouble {
        values = values.clone();
    }

    /** A copy of the elements. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** Number of elements. */
    public int size() {
        return values.length;
    }

    /** Element {@code i}. */
    public double get(int i) {
        return values[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Amf3VectorDouble v && v.fixed == fixed && Arrays.equals(v.values, values);
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(fixed) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Amf3VectorDouble[fixed=" + fixed + ", values=" + Arrays.toString(values) + "]";
    }
}

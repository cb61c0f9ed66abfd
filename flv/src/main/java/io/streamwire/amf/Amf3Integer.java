package io.streamwire.amf;


/**
 * AMF3 integer (marker 0x04): a U29 holding a signed 29-bit integer, AMF3 §3.6. Values outside
 * -2^28..2^28-1 are written as {@link Amf3Double}.
 *
 * @param value -268435456..268435455
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf3Integer(int value) implements Amf3Value {
    /** Smallest value. */
    public static final int MIN = -(1 << 28);
    /** Largest value. */
    public static final int MAX = (1 << 28) - 1;

    /** Checks the range. */
    public Amf3Integer {
        if (value < MIN || value > MAX) {
            throw new IllegalArgumentException("AMF3 integer " + value + " out of 29-bit range");
        }
    }
}

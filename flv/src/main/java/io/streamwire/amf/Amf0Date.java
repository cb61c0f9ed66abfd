package io.streamwire.amf;


/**
 * AMF0 date (marker 0x0B): milliseconds since 1970-01-01 UTC as a double, then a signed 16-bit
 * time-zone field that the spec reserves (should be 0) and is kept for round trips, AMF0 §2.13.
 *
 * @param epochMillis DOUBLE milliseconds since the epoch, UTC
 * @param timeZone S16 time-zone, -32768..32767
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf0Date(double epochMillis, int timeZone) implements Amf0Value {
    /** Checks the range. */
    public Amf0Date {
        if (timeZone < Short.MIN_VALUE || timeZone > Short.MAX_VALUE) {
            throw new IllegalArgumentException("time zone " + timeZone + " out of S16 range");
        }
    }
}

package io.streamwire.amf;


/**
 * AMF0 number (marker 0x00): an IEEE 754 double, AMF0 §2.2.
 *
 * @param value the 64-bit big-endian double
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf0Number(double value) implements Amf0Value {

}

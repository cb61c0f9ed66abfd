package io.streamwire.amf;


/**
 * AMF3 double (marker 0x05), AMF3 §3.7.
 *
 * @param value the IEEE 754 double
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf3Double(double value) implements Amf3Value {

}

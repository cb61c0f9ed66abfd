package io.streamwire.amf;


/**
 * AMF3 date (marker 0x08): milliseconds since the epoch, UTC, AMF3 §3.10.
 *
 * @param epochMillis DOUBLE milliseconds since 1970-01-01 UTC
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf3Date(double epochMillis) implements Amf3Value {

}

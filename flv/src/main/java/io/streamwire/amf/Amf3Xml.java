package io.streamwire.amf;

import java.util.Objects;

/**
 * AMF3 XML (marker 0x0B, E4X XML), AMF3 §3.13.
 *
 * @param value the XML text
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf3Xml(String value) implements Amf3Value {
    /** Checks for null. */
    public Amf3Xml {
        Objects.requireNonNull(value, "value");
    }
}

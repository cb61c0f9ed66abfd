package io.streamwire.amf;

import java.util.Objects;

/**
 * AMF3 XMLDocument (marker 0x07, legacy flash.xml.XMLDocument), AMF3 §3.9.
 *
 * @param value the XML text
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf3XmlDocument(String value) implements Amf3Value {
    /** Checks for null. */
    public Amf3XmlDocument {
        Objects.requireNonNull(value, "value");
    }
}

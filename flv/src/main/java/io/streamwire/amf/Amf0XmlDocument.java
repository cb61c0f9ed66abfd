package io.streamwire.amf;

import java.util.Objects;

/**
 * AMF0 XML document (marker 0x0F, U32 length, UTF-8), AMF0 §2.17.
 *
 * @param value the XML text
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf0XmlDocument(String value) implements Amf0Value {
    /** Checks for null. */
    public Amf0XmlDocument {
        Objects.requireNonNull(value, "value");
    }
}

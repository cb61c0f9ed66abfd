package io.streamwire.amf;

import java.util.Objects;

/**
 * AMF0 string (marker 0x02, U16 length) or long string (marker 0x0C, U32 length), UTF-8, AMF0
 * §2.4 and §2.14. The writer uses the long form only above 65535 bytes.
 *
 * @param value the text
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf0String(String value) implements Amf0Value {
    /** Checks for null. */
    public Amf0String {
        Objects.requireNonNull(value, "value");
    }
}

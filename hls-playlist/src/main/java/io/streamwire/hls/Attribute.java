package io.streamwire.hls;

import java.util.Objects;

/**
 * One {@code NAME=VALUE} pair of an attribute list, RFC 8216bis §4.2.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the AttributeName: {@code [A-Z0-9-]}, as written
 * @param value the AttributeValue without its double quotes
 * @param quoted whether the value is a quoted-string
 * @since 0.1.0
 */
public record Attribute(String name, String value, boolean quoted) {
    public Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty attribute name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '=' || c == ',' || c == '"' || c == '\n' || c == '\r') {
                throw new IllegalArgumentException("attribute name " + name + " contains '" + c + "'");
            }
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r' || c == '"' || (!quoted && c == ',')) {
                throw new IllegalArgumentException("attribute " + name + " value contains a forbidden character");
            }
        }
    }

    /** A quoted-string attribute. */
    public static Attribute quoted(String name, String value) {
        return new Attribute(name, value, true);
    }

    /** An unquoted attribute (decimal, hexadecimal, enumerated, resolution). */
    public static Attribute unquoted(String name, String value) {
        return new Attribute(name, value, false);
    }
}

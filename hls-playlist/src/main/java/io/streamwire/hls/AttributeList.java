package io.streamwire.hls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * An attribute list, RFC 8216bis §4.2: comma-separated {@code NAME=VALUE} pairs. Order is kept,
 * unknown attributes included, so a list writes back as it was read.
 *
 * <p>Typed reads ({@link #decimalInteger}, {@link #hexadecimalSequence}, {@link #decimalFloat},
 * {@link #quotedString}, {@link #enumeratedString}, {@link #resolution}) return the first
 * attribute of that name. A decimal-integer may be up to 2^64-1 and is returned as an unsigned
 * {@code long} (compare with {@link Long#compareUnsigned}).
 *
 * <pre>{@code
 * AttributeList a = AttributeList.parse("BANDWIDTH=1280000,CODECS=\"avc1.4d401f,mp4a.40.2\"");
 * long bandwidth = a.decimalInteger("BANDWIDTH", -1);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class AttributeList {
    /** The list with no attributes. */
    public static final AttributeList EMPTY = new AttributeList(new Attribute[0]);

    private final Attribute[] attributes;

    private AttributeList(Attribute[] attributes) {
        this.attributes = attributes;
    }

    /** The attributes given, in that order. */
    public static AttributeList of(List<Attribute> attributes) {
        Attribute[] a = attributes.toArray(new Attribute[0]);
        for (Attribute x : a) {
            Objects.requireNonNull(x, "attribute");
        }
        return new AttributeList(a);
    }

    /** The attributes given, in that order. */
    public static AttributeList of(Attribute... attributes) {
        return of(Arrays.asList(attributes));
    }

    /** A builder starting empty. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these attributes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.list.addAll(Arrays.asList(attributes));
        return b;
    }

    /**
     * Parses an attribute list strictly (no white space outside quoted-strings, no empty entries).
     *
     * @throws PlaylistException when {@code text} is not an attribute list; {@code offset()} is the
     *     0-based index in {@code text} of the character at fault (in chars) and {@code column()} that
     *     index + 1
     * @throws io.streamwire.core.LimitExceededException past {@link PlaylistLimits#DEFAULT_MAX_ATTRIBUTES}
     *     attributes; {@code offset()} is the index in {@code text} of the first attribute too many
     */
    public static AttributeList parse(String text) {
        return parse(text, true, PlaylistLimits.DEFAULT_MAX_ATTRIBUTES);
    }

    /**
     * Parses an attribute list. Lenient parsing skips white space around names and values and
     * empty entries ({@code A=1,,B=2}) and keeps white space inside an unquoted value; strict
     * parsing rejects white space outside quoted-strings (RFC 8216bis §4.1, §4.2: no unquoted type
     * contains any) and empty entries.
     *
     * @param maxAttributes the most attributes accepted ({@link PlaylistLimits#maxAttributes()})
     * @throws PlaylistException when {@code text} is not an attribute list; {@code offset()} is the
     *     0-based index in {@code text} of the character at fault (in chars) and {@code column()} that
     *     index + 1
     * @throws io.streamwire.core.LimitExceededException when it has more than {@code maxAttributes}
     *     attributes; {@code offset()} is the index in {@code text} of the first attribute too many
     */
    public static AttributeList parse(String text, boolean strict, int maxAttributes) {
        return parse(text, strict, maxAttributes, null);
    }

    /**
     * {@link #parse(String, boolean, int)}, noting in {@code whiteSpace[0]} (when not null) the index
     * of the first white space outside quoted-strings that lenient parsing accepted, or -1.
     */
    static AttributeList parse(String text, boolean strict, int maxAttributes, int[] whiteSpace) {
        int ws = -1;
        int n = text.length();
        for (int k = 0; k < n; k++) {
            char c = text.charAt(k);
            if (c == '\n' || c == '\r') {
                throw error("AttributeList", "contains a line break", k);
            }
        }
        List<Attribute> out = null;
        Attribute single = null;
        int i = 0;
        while (i < n) {
            if (!strict) {
                while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == ',')) {
                    if (ws < 0 && text.charAt(i) != ',') {
                        ws = i;
                    }
                    i++;
                }
                if (i == n) {
                    break;
                }
            }
            int nameStart = i;
            while (i < n) {
                char c = text.charAt(i);
                if (c == '=' || c == ',' || c == '"' || (!strict && (c == ' ' || c == '\t'))) {
                    break;
                }
                if (strict && (c == ' ' || c == '\t')) {
                    throw error(i == nameStart ? "AttributeName" : text.substring(nameStart, i),
                            i == nameStart ? "is preceded by white space" : "is followed by white space", i);
                }
                if (strict && !((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
                    throw error("AttributeName", "has character '" + printable(c) + "' outside [A-Z0-9-]", i);
                }
                i++;
            }
            int nameEnd = i;
            if (!strict) {
                i = skipWhiteSpace(text, i);
                if (ws < 0 && i > nameEnd) {
                    ws = nameEnd;
                }
            }
            if (nameEnd == nameStart) {
                throw error("AttributeName", "is empty", nameStart);
            }
            if (i == n || text.charAt(i) != '=') {
                throw error(text.substring(nameStart, nameEnd), "has no '=' and value", i);
            }
            i++;
            if (!strict) {
                int from = i;
                i = skipWhiteSpace(text, i);
                if (ws < 0 && i > from) {
                    ws = from;
                }
            }
            String name = text.substring(nameStart, nameEnd);
            Attribute attribute;
            if (i < n && text.charAt(i) == '"') {
                int close = text.indexOf('"', i + 1);
                if (close < 0) {
                    throw error(name, "quoted-string has no closing '\"'", i);
                }
                attribute = new Attribute(name, text.substring(i + 1, close), true);
                i = close + 1;
                if (!strict) {
                    int from = i;
                    i = skipWhiteSpace(text, i);
                    if (ws < 0 && i > from) {
                        ws = from;
                    }
                }
                if (i < n && text.charAt(i) != ',') {
                    char c = text.charAt(i);
                    throw error(name, "quoted-string is followed by " + (c == ' ' || c == '\t' ? "white space"
                            : "'" + printable(c) + "'") + " instead of ','", i);
                }
            } else {
                int valueStart = i;
                while (i < n && text.charAt(i) != ',') {
                    char c = text.charAt(i);
                    if (c == '"') {
                        throw error(name, "unquoted value contains '\"'", i);
                    }
                    if ((c == ' ' || c == '\t') && ws < 0) {
                        if (strict) {
                            throw error(name, "unquoted value contains white space", i);
                        }
                        ws = i;
                    }
                    i++;
                }
                int valueEnd = i;
                if (!strict) {
                    while (valueEnd > valueStart && (text.charAt(valueEnd - 1) == ' ' || text.charAt(valueEnd - 1) == '\t')) {
                        valueEnd--;
                    }
                }
                if (valueEnd == valueStart) {
                    throw error(name, "has an empty value", valueStart);
                }
                attribute = new Attribute(name, text.substring(valueStart, valueEnd), false);
            }
            if (single == null && out == null) {
                single = attribute;
            } else {
                if (out == null) {
                    out = new ArrayList<>(8);
                    out.add(single);
                }
                if (out.size() >= maxAttributes) {
                    throw PlaylistLimits.exceeded("attribute count", "maxAttributes", maxAttributes, out.size() + 1L, nameStart);
                }
                out.add(attribute);
            }
            if (i < n) {
                i++; // the comma
                if (strict && i == n) {
                    throw error("AttributeList", "ends with ','", i - 1);
                }
            }
        }
        if (whiteSpace != null) {
            whiteSpace[0] = ws;
        }
        if (out != null) {
            return new AttributeList(out.toArray(new Attribute[0]));
        }
        return single == null ? EMPTY : new AttributeList(new Attribute[] {single});
    }

    private static int skipWhiteSpace(String text, int i) {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    private static PlaylistException error(String field, String problem, int index) {
        return new PlaylistException(field, problem, index, 0, index + 1, "RFC 8216bis §4.2");
    }

    /** Number of attributes. */
    public int size() {
        return attributes.length;
    }

    /** Whether there are none. */
    public boolean isEmpty() {
        return attributes.length == 0;
    }

    /** The attribute at {@code index}. */
    public Attribute get(int index) {
        return attributes[index];
    }

    /** All attributes, in order. */
    public List<Attribute> asList() {
        return List.of(attributes);
    }

    /** The first attribute named {@code name}, or null. */
    public Attribute find(String name) {
        for (Attribute a : attributes) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        return null;
    }

    /** Whether an attribute named {@code name} is present. */
    public boolean has(String name) {
        return find(name) != null;
    }

    /** The raw value (without quotes) of {@code name}, or null. */
    public String value(String name) {
        Attribute a = find(name);
        return a == null ? null : a.value();
    }

    /** The quoted-string {@code name}, or null when absent or not quoted. */
    public String quotedString(String name) {
        Attribute a = find(name);
        return a != null && a.quoted() ? a.value() : null;
    }

    /** The enumerated-string {@code name}, or null when absent or quoted. */
    public String enumeratedString(String name) {
        Attribute a = find(name);
        return a != null && !a.quoted() ? a.value() : null;
    }

    /**
     * The decimal-integer {@code name} as an unsigned long, or {@code absent} when it is missing or
     * not a decimal-integer.
     */
    public long decimalInteger(String name, long absent) {
        Attribute a = find(name);
        if (a == null || !AttributeType.DECIMAL_INTEGER.accepts(a.value(), a.quoted())) {
            return absent;
        }
        return Long.parseUnsignedLong(a.value());
    }

    /** The (signed) decimal-floating-point {@code name}, or NaN when missing or not a number. */
    public double decimalFloat(String name) {
        Attribute a = find(name);
        if (a == null || !AttributeType.SIGNED_DECIMAL_FLOAT.accepts(a.value(), a.quoted())) {
            return Double.NaN;
        }
        return Double.parseDouble(a.value());
    }

    /** The hexadecimal-sequence {@code name} as bytes, or null when missing or not one. */
    public byte[] hexadecimalSequence(String name) {
        Attribute a = find(name);
        if (a == null || !AttributeType.HEXADECIMAL_SEQUENCE.accepts(a.value(), a.quoted())) {
            return null;
        }
        String hex = a.value().substring(2);
        return HexFormat.of().parseHex(hex.length() % 2 == 0 ? hex : "0" + hex);
    }

    /** The decimal-resolution {@code name}, or null when missing or not one. */
    public Resolution resolution(String name) {
        Attribute a = find(name);
        return a == null || a.quoted() ? null : Resolution.tryParse(a.value());
    }

    /** Canonical text: {@code NAME=VALUE} joined by commas, quoted-strings in double quotes. */
    public void appendTo(StringBuilder out) {
        for (int i = 0; i < attributes.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            Attribute a = attributes[i];
            out.append(a.name()).append('=');
            if (a.quoted()) {
                out.append('"').append(a.value()).append('"');
            } else {
                out.append(a.value());
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        appendTo(b);
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttributeList other && Arrays.equals(attributes, other.attributes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(attributes);
    }

    /**
     * Builds an attribute list in the order attributes are added; {@code set} replaces the first of
     * that name in place.
     *
     * <p>Not thread-safe.
     */
    public static final class Builder {
        private final List<Attribute> list = new ArrayList<>();

        private Builder() {}

        /** Appends {@code attribute}. */
        public Builder add(Attribute attribute) {
            list.add(Objects.requireNonNull(attribute, "attribute"));
            return this;
        }

        /** Replaces the first attribute of that name, or appends it. */
        public Builder set(Attribute attribute) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).name().equals(attribute.name())) {
                    list.set(i, attribute);
                    return this;
                }
            }
            return add(attribute);
        }

        /** Removes every attribute named {@code name}. */
        public Builder remove(String name) {
            list.removeIf(a -> a.name().equals(name));
            return this;
        }

        /** Appends a quoted-string. */
        public Builder quoted(String name, String value) {
            return add(Attribute.quoted(name, value));
        }

        /** Appends an enumerated-string. */
        public Builder enumerated(String name, String value) {
            return add(Attribute.unquoted(name, value));
        }

        /** Appends a decimal-integer (non-negative). */
        public Builder integer(String name, long value) {
            if (value < 0) {
                throw new IllegalArgumentException(name + " " + value + " is negative");
            }
            return add(Attribute.unquoted(name, Long.toString(value)));
        }

        /** Appends a decimal-floating-point written without float noise (0.1 stays "0.1"). */
        public Builder decimal(String name, double value) {
            return add(Attribute.unquoted(name, Decimals.format(value)));
        }

        /** Appends a hexadecimal-sequence ({@code 0x} and lower-case digits). */
        public Builder hex(String name, byte[] value) {
            return add(Attribute.unquoted(name, "0x" + HexFormat.of().formatHex(value)));
        }

        /** Appends a decimal-resolution. */
        public Builder resolution(String name, long width, long height) {
            return add(Attribute.unquoted(name, new Resolution(width, height).toString()));
        }

        /** The list. */
        public AttributeList build() {
            return of(list);
        }
    }
}

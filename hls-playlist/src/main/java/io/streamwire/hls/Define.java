package io.streamwire.hls;

/**
 * EXT-X-DEFINE, RFC 8216bis §4.4.2.3: a variable by NAME/VALUE, IMPORT from the multivariant playlist, or QUERYPARAM from the playlist URL.
 *
 * <p>Immutable and thread-safe.
 *
 * @param attributes the attribute list, unknown attributes included
 * @since 0.1.0
 */
public record Define(AttributeList attributes) implements AttributeTag {
    public Define {
        java.util.Objects.requireNonNull(attributes, "attributes");
    }

    @Override
    public TagName tagName() {
        return TagName.EXT_X_DEFINE;
    }

    /** NAME (quoted-string), or null. */
    public String nameAttribute() {
        return attributes.quotedString("NAME");
    }

    /** VALUE (quoted-string), or null. */
    public String value() {
        return attributes.quotedString("VALUE");
    }

    /** IMPORT (quoted-string), or null. */
    public String importName() {
        return attributes.quotedString("IMPORT");
    }

    /** QUERYPARAM (quoted-string), or null. */
    public String queryParam() {
        return attributes.quotedString("QUERYPARAM");
    }

    /** The variable this defines, whichever form it takes. */
    public String variableName() {
        String n = nameAttribute();
        if (n == null) {
            n = importName();
        }
        return n == null ? queryParam() : n;
    }

    /** A NAME/VALUE definition. */
    public static Define of(String name, String value) {
        return new Define(AttributeList.builder().quoted("NAME", name).quoted("VALUE", value).build());
    }
}

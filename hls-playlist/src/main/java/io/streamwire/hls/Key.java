package io.streamwire.hls;

import java.util.Objects;

/**
 * EXT-X-KEY (RFC 8216bis §4.4.4.4) or EXT-X-SESSION-KEY (§4.4.6.5): how media segments are
 * encrypted.
 *
 * <p>Immutable and thread-safe.
 *
 * @param session true for EXT-X-SESSION-KEY
 * @param attributes the attribute list, unknown attributes included
 * @since 0.1.0
 */
public record Key(boolean session, AttributeList attributes) implements AttributeTag {
    public Key {
        Objects.requireNonNull(attributes, "attributes");
    }

    /** A key of {@code method} (NONE, AES-128, SAMPLE-AES, SAMPLE-AES-CTR) at {@code uri} (null for NONE). */
    public static Key of(String method, String uri) {
        AttributeList.Builder b = AttributeList.builder().enumerated("METHOD", method);
        if (uri != null) {
            b.quoted("URI", uri);
        }
        return new Key(false, b.build());
    }

    @Override
    public TagName tagName() {
        return session ? TagName.EXT_X_SESSION_KEY : TagName.EXT_X_KEY;
    }

    /** METHOD, or null. */
    public String method() {
        return attributes.enumeratedString("METHOD");
    }

    /** Whether METHOD is NONE (segments are not encrypted). */
    public boolean isNone() {
        return "NONE".equals(method());
    }

    /** URI, or null. */
    public String uri() {
        return attributes.quotedString("URI");
    }

    /** IV (128-bit hexadecimal-sequence) as bytes, or null. */
    public byte[] iv() {
        return attributes.hexadecimalSequence("IV");
    }

    /** KEYFORMAT, {@code "identity"} when absent. */
    public String keyFormat() {
        String v = attributes.quotedString("KEYFORMAT");
        return v == null ? "identity" : v;
    }

    /** KEYFORMATVERSIONS, or null. */
    public String keyFormatVersions() {
        return attributes.quotedString("KEYFORMATVERSIONS");
    }
}

package io.streamwire.hls;

/**
 * EXT-X-RENDITION-REPORT, RFC 8216bis §4.4.5.4: the latest segment and part of another rendition.
 *
 * <p>Immutable and thread-safe.
 *
 * @param attributes the attribute list, unknown attributes included
 * @since 0.1.0
 */
public record RenditionReport(AttributeList attributes) implements AttributeTag {
    public RenditionReport {
        java.util.Objects.requireNonNull(attributes, "attributes");
    }

    @Override
    public TagName tagName() {
        return TagName.EXT_X_RENDITION_REPORT;
    }

    /** URI (quoted-string), or null. */
    public String uri() {
        return attributes.quotedString("URI");
    }

    /** LAST-MSN, -1 when absent. */
    public long lastMsn() {
        return attributes.decimalInteger("LAST-MSN", -1);
    }

    /** LAST-PART, -1 when absent. */
    public long lastPart() {
        return attributes.decimalInteger("LAST-PART", -1);
    }

    /** A report for {@code uri}; {@code lastPart} -1 to leave it out. */
    public static RenditionReport of(String uri, long lastMsn, long lastPart) {
        AttributeList.Builder b = AttributeList.builder().quoted("URI", uri).integer("LAST-MSN", lastMsn);
        if (lastPart >= 0) {
            b.integer("LAST-PART", lastPart);
        }
        return new RenditionReport(b.build());
    }
}

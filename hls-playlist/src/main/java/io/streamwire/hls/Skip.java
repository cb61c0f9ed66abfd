package io.streamwire.hls;

/**
 * EXT-X-SKIP, RFC 8216bis §4.4.5.2: segments left out of a playlist delta update.
 *
 * <p>Immutable and thread-safe.
 *
 * @param attributes the attribute list, unknown attributes included
 * @since 0.1.0
 */
public record Skip(AttributeList attributes) implements AttributeTag {
    public Skip {
        java.util.Objects.requireNonNull(attributes, "attributes");
    }

    @Override
    public TagName tagName() {
        return TagName.EXT_X_SKIP;
    }

    /** SKIPPED-SEGMENTS, -1 when absent. */
    public long skippedSegments() {
        return attributes.decimalInteger("SKIPPED-SEGMENTS", -1);
    }

    /** RECENTLY-REMOVED-DATERANGES: the tab-separated IDs, empty when absent. */
    public java.util.List<String> recentlyRemovedDateranges() {
        String v = attributes.quotedString("RECENTLY-REMOVED-DATERANGES");
        return v == null || v.isEmpty() ? java.util.List.of() : java.util.List.of(v.split("\t", -1));
    }
}

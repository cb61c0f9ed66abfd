package io.streamwire.hls;

/**
 * EXT-X-START, RFC 8216bis §4.4.2.2: the preferred point to start playing.
 *
 * <p>Immutable and thread-safe.
 *
 * @param attributes the attribute list, unknown attributes included
 * @since 0.1.0
 */
public record Start(AttributeList attributes) implements AttributeTag {
    public Start {
        java.util.Objects.requireNonNull(attributes, "attributes");
    }

    @Override
    public TagName tagName() {
        return TagName.EXT_X_START;
    }

    /** TIME-OFFSET in seconds (signed), NaN when absent. */
    public double timeOffset() {
        return attributes.decimalFloat("TIME-OFFSET");
    }

    /** PRECISE=YES. */
    public boolean precise() {
        return "YES".equals(attributes.enumeratedString("PRECISE"));
    }
}

package io.streamwire.hls;

/**
 * EXT-X-PART-INF, RFC 8216bis §4.4.3.7: the part target duration.
 *
 * <p>Immutable and thread-safe.
 *
 * @param attributes the attribute list, unknown attributes included
 * @since 0.1.0
 */
public record PartInf(AttributeList attributes) implements AttributeTag {
    public PartInf {
        java.util.Objects.requireNonNull(attributes, "attributes");
    }

    @Override
    public TagName tagName() {
        return TagName.EXT_X_PART_INF;
    }

    /** PART-TARGET in seconds, NaN when absent. */
    public double partTarget() {
        return attributes.decimalFloat("PART-TARGET");
    }
}

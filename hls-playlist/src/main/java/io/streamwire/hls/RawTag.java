package io.streamwire.hls;

/**
 * A widely deployed non-standard tag kept with its value as written: EXT-X-CUE-OUT (e.g. {@code 30}
 * or {@code DURATION=30}), EXT-X-CUE-OUT-CONT (e.g. {@code ElapsedTime=5,Duration=30}),
 * EXT-X-CUE-IN, EXT-OATCLS-SCTE35 (base64 SCTE-35).
 *
 * <p>Immutable and thread-safe.
 *
 * @param tagName one of the tags of {@link TagName.Form#RAW} except UNKNOWN
 * @param value the text after {@code :}, or null when the tag has no {@code :}
 * @since 0.1.0
 */
public record RawTag(TagName tagName, String value) implements PlaylistTag {
    public RawTag {
        if (tagName.form() != TagName.Form.RAW || tagName == TagName.UNKNOWN) {
            throw new IllegalArgumentException(tagName + " is not a non-standard raw tag");
        }
        if (value != null) {
            Checks.noLineBreak(value, tagName.text());
        }
    }

    /**
     * The ad-break duration in seconds: EXT-X-CUE-OUT's number or DURATION attribute, or the
     * Duration of EXT-X-CUE-OUT-CONT; NaN when absent.
     */
    public double durationSeconds() {
        if (value == null) {
            return Double.NaN;
        }
        if (AttributeType.isDecimal(value, 0)) {
            return Double.parseDouble(value);
        }
        try {
            AttributeList a = AttributeList.parse(value, false, PlaylistLimits.DEFAULT_MAX_ATTRIBUTES);
            for (Attribute x : a.asList()) {
                if (x.name().equalsIgnoreCase("DURATION") && AttributeType.isDecimal(x.value(), 0)) {
                    return Double.parseDouble(x.value());
                }
            }
        } catch (io.streamwire.core.StreamwireException e) {
            return Double.NaN; // not an attribute list, or more attributes than the default limit
        }
        return Double.NaN;
    }

    @Override
    public void appendTo(StringBuilder out) {
        out.append('#').append(tagName.text());
        if (value != null) {
            out.append(':').append(value);
        }
    }
}

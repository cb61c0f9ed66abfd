package io.streamwire.hls;

/**
 * EXT-X-CONTENT-STEERING, RFC 8216bis §4.4.6.6: the content steering server.
 *
 * <p>Immutable and thread-safe.
 *
 * @param attributes the attribute list, unknown attributes included
 * @since 0.1.0
 */
public record ContentSteering(AttributeList attributes) implements AttributeTag {
    public ContentSteering {
        java.util.Objects.requireNonNull(attributes, "attributes");
    }

    @Override
    public TagName tagName() {
        return TagName.EXT_X_CONTENT_STEERING;
    }

    /** SERVER-URI. */
    public String serverUri() {
        return attributes.quotedString("SERVER-URI");
    }

    /** PATHWAY-ID, or null. */
    public String pathwayId() {
        return attributes.quotedString("PATHWAY-ID");
    }
}

package io.streamwire.hls;

/**
 * EXT-X-MEDIA, RFC 8216bis §4.4.6.1: an alternative rendition.
 *
 * <p>Immutable and thread-safe.
 *
 * @param attributes the attribute list, unknown attributes included
 * @since 0.1.0
 */
public record Media(AttributeList attributes) implements AttributeTag {
    public Media {
        java.util.Objects.requireNonNull(attributes, "attributes");
    }

    @Override
    public TagName tagName() {
        return TagName.EXT_X_MEDIA;
    }

    /** TYPE: AUDIO, VIDEO, SUBTITLES or CLOSED-CAPTIONS. */
    public String type() {
        return attributes.enumeratedString("TYPE");
    }

    /** URI, or null. */
    public String uri() {
        return attributes.quotedString("URI");
    }

    /** GROUP-ID. */
    public String groupId() {
        return attributes.quotedString("GROUP-ID");
    }

    /** LANGUAGE, or null. */
    public String language() {
        return attributes.quotedString("LANGUAGE");
    }

    /** ASSOC-LANGUAGE, or null. */
    public String assocLanguage() {
        return attributes.quotedString("ASSOC-LANGUAGE");
    }

    /** NAME. */
    public String nameAttribute() {
        return attributes.quotedString("NAME");
    }

    /** STABLE-RENDITION-ID, or null. */
    public String stableRenditionId() {
        return attributes.quotedString("STABLE-RENDITION-ID");
    }

    /** DEFAULT=YES. */
    public boolean isDefault() {
        return "YES".equals(attributes.enumeratedString("DEFAULT"));
    }

    /** AUTOSELECT=YES. */
    public boolean autoselect() {
        return "YES".equals(attributes.enumeratedString("AUTOSELECT"));
    }

    /** FORCED=YES. */
    public boolean forced() {
        return "YES".equals(attributes.enumeratedString("FORCED"));
    }

    /** INSTREAM-ID, or null. */
    public String instreamId() {
        return attributes.quotedString("INSTREAM-ID");
    }

    /** BIT-DEPTH, -1 when absent. */
    public long bitDepth() {
        return attributes.decimalInteger("BIT-DEPTH", -1);
    }

    /** SAMPLE-RATE, -1 when absent. */
    public long sampleRate() {
        return attributes.decimalInteger("SAMPLE-RATE", -1);
    }

    /** CHARACTERISTICS, or null. */
    public String characteristics() {
        return attributes.quotedString("CHARACTERISTICS");
    }

    /** CHANNELS, or null. */
    public String channels() {
        return attributes.quotedString("CHANNELS");
    }
}

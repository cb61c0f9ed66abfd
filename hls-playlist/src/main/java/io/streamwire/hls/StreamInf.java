package io.streamwire.hls;

import java.util.Objects;

/**
 * EXT-X-STREAM-INF (RFC 8216bis §4.4.6.2; the URI is the next URI line) or
 * EXT-X-I-FRAME-STREAM-INF (§4.4.6.3; the URI is an attribute): a variant stream.
 *
 * <p>Immutable and thread-safe.
 *
 * @param iFrame true for EXT-X-I-FRAME-STREAM-INF
 * @param attributes the attribute list, unknown attributes included
 * @since 0.1.0
 */
public record StreamInf(boolean iFrame, AttributeList attributes) implements AttributeTag {
    public StreamInf {
        Objects.requireNonNull(attributes, "attributes");
    }

    @Override
    public TagName tagName() {
        return iFrame ? TagName.EXT_X_I_FRAME_STREAM_INF : TagName.EXT_X_STREAM_INF;
    }

    /** BANDWIDTH in bit/s, -1 when absent. */
    public long bandwidth() {
        return attributes.decimalInteger("BANDWIDTH", -1);
    }

    /** AVERAGE-BANDWIDTH in bit/s, -1 when absent. */
    public long averageBandwidth() {
        return attributes.decimalInteger("AVERAGE-BANDWIDTH", -1);
    }

    /** SCORE, NaN when absent. */
    public double score() {
        return attributes.decimalFloat("SCORE");
    }

    /** CODECS, or null. */
    public String codecs() {
        return attributes.quotedString("CODECS");
    }

    /** SUPPLEMENTAL-CODECS, or null. */
    public String supplementalCodecs() {
        return attributes.quotedString("SUPPLEMENTAL-CODECS");
    }

    /** RESOLUTION, or null. */
    public Resolution resolution() {
        return attributes.resolution("RESOLUTION");
    }

    /** FRAME-RATE, NaN when absent. */
    public double frameRate() {
        return attributes.decimalFloat("FRAME-RATE");
    }

    /** HDCP-LEVEL, or null. */
    public String hdcpLevel() {
        return attributes.enumeratedString("HDCP-LEVEL");
    }

    /** ALLOWED-CPC, or null. */
    public String allowedCpc() {
        return attributes.quotedString("ALLOWED-CPC");
    }

    /** VIDEO-RANGE (SDR, HLG, PQ), or null. */
    public String videoRange() {
        return attributes.enumeratedString("VIDEO-RANGE");
    }

    /** REQ-VIDEO-LAYOUT, or null. */
    public String reqVideoLayout() {
        return attributes.quotedString("REQ-VIDEO-LAYOUT");
    }

    /** STABLE-VARIANT-ID, or null. */
    public String stableVariantId() {
        return attributes.quotedString("STABLE-VARIANT-ID");
    }

    /** AUDIO group, or null. */
    public String audio() {
        return attributes.quotedString("AUDIO");
    }

    /** VIDEO group, or null. */
    public String video() {
        return attributes.quotedString("VIDEO");
    }

    /** SUBTITLES group, or null. */
    public String subtitles() {
        return attributes.quotedString("SUBTITLES");
    }

    /** CLOSED-CAPTIONS: a group (quoted) or NONE (unquoted); the raw value, or null. */
    public String closedCaptions() {
        return attributes.value("CLOSED-CAPTIONS");
    }

    /** PATHWAY-ID, or null. */
    public String pathwayId() {
        return attributes.quotedString("PATHWAY-ID");
    }

    /** URI (EXT-X-I-FRAME-STREAM-INF only), or null. */
    public String uri() {
        return attributes.quotedString("URI");
    }
}

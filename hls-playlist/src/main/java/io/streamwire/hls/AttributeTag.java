package io.streamwire.hls;

/**
 * A tag whose value is an attribute list (RFC 8216bis §4.2). Each record keeps the whole
 * {@link AttributeList} (unknown attributes included, in order) and reads its typed attributes from
 * it, so nothing is lost on a round trip.
 *
 * <p>Implementations are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public sealed interface AttributeTag extends PlaylistTag
        permits Define, Start, Key, SegmentMap, Part, PartInf, ServerControl, DateRange, Skip, PreloadHint,
        RenditionReport, Media, StreamInf, SessionData, ContentSteering {

    /** The attributes, in order. */
    AttributeList attributes();

    @Override
    default void appendTo(StringBuilder out) {
        out.append('#').append(tagName().text()).append(':');
        attributes().appendTo(out);
    }

    /**
     * The typed record for {@code tagName} over {@code attributes}.
     *
     * @throws IllegalArgumentException when {@code tagName} does not take an attribute list
     */
    static AttributeTag of(TagName tagName, AttributeList attributes) {
        switch (tagName) {
            case EXT_X_DEFINE: return new Define(attributes);
            case EXT_X_START: return new Start(attributes);
            case EXT_X_KEY: return new Key(false, attributes);
            case EXT_X_SESSION_KEY: return new Key(true, attributes);
            case EXT_X_MAP: return new SegmentMap(attributes);
            case EXT_X_PART: return new Part(attributes);
            case EXT_X_PART_INF: return new PartInf(attributes);
            case EXT_X_SERVER_CONTROL: return new ServerControl(attributes);
            case EXT_X_DATERANGE: return new DateRange(attributes);
            case EXT_X_SKIP: return new Skip(attributes);
            case EXT_X_PRELOAD_HINT: return new PreloadHint(attributes);
            case EXT_X_RENDITION_REPORT: return new RenditionReport(attributes);
            case EXT_X_MEDIA: return new Media(attributes);
            case EXT_X_STREAM_INF: return new StreamInf(false, attributes);
            case EXT_X_I_FRAME_STREAM_INF: return new StreamInf(true, attributes);
            case EXT_X_SESSION_DATA: return new SessionData(attributes);
            case EXT_X_CONTENT_STEERING: return new ContentSteering(attributes);
            default: throw new IllegalArgumentException(tagName + " does not take an attribute list");
        }
    }
}

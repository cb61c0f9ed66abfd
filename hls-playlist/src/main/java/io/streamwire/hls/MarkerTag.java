package io.streamwire.hls;

/**
 * A tag without a value: EXTM3U (§4.4.1.1), EXT-X-INDEPENDENT-SEGMENTS (§4.4.2.1),
 * EXT-X-DISCONTINUITY (§4.4.4.3), EXT-X-GAP (§4.4.4.7), EXT-X-ENDLIST (§4.4.3.4),
 * EXT-X-I-FRAMES-ONLY (§4.4.3.6).
 *
 * <p>Immutable and thread-safe.
 *
 * @param tagName one of the tags of {@link TagName.Form#NONE}
 * @since 0.1.0
 */
public record MarkerTag(TagName tagName) implements PlaylistTag {
    public static final MarkerTag EXTM3U = new MarkerTag(TagName.EXTM3U);
    public static final MarkerTag INDEPENDENT_SEGMENTS = new MarkerTag(TagName.EXT_X_INDEPENDENT_SEGMENTS);
    public static final MarkerTag DISCONTINUITY = new MarkerTag(TagName.EXT_X_DISCONTINUITY);
    public static final MarkerTag GAP = new MarkerTag(TagName.EXT_X_GAP);
    public static final MarkerTag ENDLIST = new MarkerTag(TagName.EXT_X_ENDLIST);
    public static final MarkerTag I_FRAMES_ONLY = new MarkerTag(TagName.EXT_X_I_FRAMES_ONLY);

    public MarkerTag {
        if (tagName.form() != TagName.Form.NONE) {
            throw new IllegalArgumentException(tagName + " has a value");
        }
    }

    /** The shared instance for {@code tagName}. */
    public static MarkerTag of(TagName tagName) {
        switch (tagName) {
            case EXTM3U: return EXTM3U;
            case EXT_X_INDEPENDENT_SEGMENTS: return INDEPENDENT_SEGMENTS;
            case EXT_X_DISCONTINUITY: return DISCONTINUITY;
            case EXT_X_GAP: return GAP;
            case EXT_X_ENDLIST: return ENDLIST;
            case EXT_X_I_FRAMES_ONLY: return I_FRAMES_ONLY;
            default: throw new IllegalArgumentException(tagName + " has a value");
        }
    }

    @Override
    public void appendTo(StringBuilder out) {
        out.append('#').append(tagName.text());
    }
}

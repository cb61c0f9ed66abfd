package io.streamwire.hls;

import java.util.HashMap;

/**
 * Every tag of draft-pantos-hls-rfc8216bis (§4.4) plus widely deployed non-standard ones, with the
 * form of its value and where it may appear; and two values that are not tags, {@link #URI} and
 * {@link #COMMENT}, so that {@link PlaylistLine#tagName()} is never null.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public enum TagName {
    EXTM3U("EXTM3U", Form.NONE, Scope.ANY, "§4.4.1.1"),
    EXT_X_VERSION("EXT-X-VERSION", Form.INTEGER, Scope.ANY, "§4.4.1.2"),
    EXT_X_DEFINE("EXT-X-DEFINE", Form.ATTRIBUTES, Scope.ANY, "§4.4.2.3"),
    EXT_X_INDEPENDENT_SEGMENTS("EXT-X-INDEPENDENT-SEGMENTS", Form.NONE, Scope.ANY, "§4.4.2.1"),
    EXT_X_START("EXT-X-START", Form.ATTRIBUTES, Scope.ANY, "§4.4.2.2"),
    EXT_X_TARGETDURATION("EXT-X-TARGETDURATION", Form.INTEGER, Scope.MEDIA, "§4.4.3.1"),
    EXT_X_MEDIA_SEQUENCE("EXT-X-MEDIA-SEQUENCE", Form.INTEGER, Scope.MEDIA, "§4.4.3.2"),
    EXT_X_DISCONTINUITY_SEQUENCE("EXT-X-DISCONTINUITY-SEQUENCE", Form.INTEGER, Scope.MEDIA, "§4.4.3.3"),
    EXT_X_ENDLIST("EXT-X-ENDLIST", Form.NONE, Scope.MEDIA, "§4.4.3.4"),
    EXT_X_PLAYLIST_TYPE("EXT-X-PLAYLIST-TYPE", Form.ENUM, Scope.MEDIA, "§4.4.3.5"),
    EXT_X_I_FRAMES_ONLY("EXT-X-I-FRAMES-ONLY", Form.NONE, Scope.MEDIA, "§4.4.3.6"),
    EXT_X_PART_INF("EXT-X-PART-INF", Form.ATTRIBUTES, Scope.MEDIA, "§4.4.3.7"),
    EXT_X_SERVER_CONTROL("EXT-X-SERVER-CONTROL", Form.ATTRIBUTES, Scope.MEDIA, "§4.4.3.8"),
    EXTINF("EXTINF", Form.EXTINF, Scope.SEGMENT, "§4.4.4.1"),
    EXT_X_BYTERANGE("EXT-X-BYTERANGE", Form.BYTERANGE, Scope.SEGMENT, "§4.4.4.2"),
    EXT_X_DISCONTINUITY("EXT-X-DISCONTINUITY", Form.NONE, Scope.SEGMENT, "§4.4.4.3"),
    EXT_X_KEY("EXT-X-KEY", Form.ATTRIBUTES, Scope.SEGMENT, "§4.4.4.4"),
    EXT_X_MAP("EXT-X-MAP", Form.ATTRIBUTES, Scope.SEGMENT, "§4.4.4.5"),
    EXT_X_PROGRAM_DATE_TIME("EXT-X-PROGRAM-DATE-TIME", Form.DATE_TIME, Scope.SEGMENT, "§4.4.4.6"),
    EXT_X_GAP("EXT-X-GAP", Form.NONE, Scope.SEGMENT, "§4.4.4.7"),
    EXT_X_BITRATE("EXT-X-BITRATE", Form.INTEGER, Scope.SEGMENT, "§4.4.4.8"),
    EXT_X_PART("EXT-X-PART", Form.ATTRIBUTES, Scope.SEGMENT, "§4.4.4.9"),
    EXT_X_DATERANGE("EXT-X-DATERANGE", Form.ATTRIBUTES, Scope.MEDIA, "§4.4.5.1"),
    EXT_X_SKIP("EXT-X-SKIP", Form.ATTRIBUTES, Scope.MEDIA, "§4.4.5.2"),
    EXT_X_PRELOAD_HINT("EXT-X-PRELOAD-HINT", Form.ATTRIBUTES, Scope.MEDIA, "§4.4.5.3"),
    EXT_X_RENDITION_REPORT("EXT-X-RENDITION-REPORT", Form.ATTRIBUTES, Scope.MEDIA, "§4.4.5.4"),
    EXT_X_MEDIA("EXT-X-MEDIA", Form.ATTRIBUTES, Scope.MULTIVARIANT, "§4.4.6.1"),
    EXT_X_STREAM_INF("EXT-X-STREAM-INF", Form.ATTRIBUTES, Scope.MULTIVARIANT, "§4.4.6.2"),
    EXT_X_I_FRAME_STREAM_INF("EXT-X-I-FRAME-STREAM-INF", Form.ATTRIBUTES, Scope.MULTIVARIANT, "§4.4.6.3"),
    EXT_X_SESSION_DATA("EXT-X-SESSION-DATA", Form.ATTRIBUTES, Scope.MULTIVARIANT, "§4.4.6.4"),
    EXT_X_SESSION_KEY("EXT-X-SESSION-KEY", Form.ATTRIBUTES, Scope.MULTIVARIANT, "§4.4.6.5"),
    EXT_X_CONTENT_STEERING("EXT-X-CONTENT-STEERING", Form.ATTRIBUTES, Scope.MULTIVARIANT, "§4.4.6.6"),
    /** Non-standard (Adobe/Elemental/AWS): start of an ad break. */
    EXT_X_CUE_OUT("EXT-X-CUE-OUT", Form.RAW, Scope.SEGMENT, "non-standard"),
    /** Non-standard: inside an ad break. */
    EXT_X_CUE_OUT_CONT("EXT-X-CUE-OUT-CONT", Form.RAW, Scope.SEGMENT, "non-standard"),
    /** Non-standard: end of an ad break. */
    EXT_X_CUE_IN("EXT-X-CUE-IN", Form.RAW, Scope.SEGMENT, "non-standard"),
    /** Non-standard (Cisco/Imagine): base64 SCTE-35 splice_info_section. */
    EXT_OATCLS_SCTE35("EXT-OATCLS-SCTE35", Form.RAW, Scope.SEGMENT, "non-standard"),
    /** Any other tag, kept as written. */
    UNKNOWN("", Form.RAW, Scope.ANY, "§4.1"),
    /**
     * Not a tag: what {@link Uri#tagName()} returns, so that a {@code switch} over
     * {@link PlaylistLine#tagName()} covers every line. Empty {@link #text()}; {@link #of(String)}
     * never returns it.
     *
     * @since 0.2.0
     */
    URI("", Form.NONE, Scope.ANY, "§4.1"),
    /**
     * Not a tag: what {@link Comment#tagName()} returns, so that a {@code switch} over
     * {@link PlaylistLine#tagName()} covers every line. Empty {@link #text()}; {@link #of(String)}
     * never returns it.
     *
     * @since 0.2.0
     */
    COMMENT("", Form.NONE, Scope.ANY, "§4.1");

    /** What follows the tag name. */
    public enum Form { NONE, INTEGER, EXTINF, BYTERANGE, DATE_TIME, ENUM, ATTRIBUTES, RAW }

    /** Where the tag may appear. */
    public enum Scope {
        /** Either kind of playlist (basic and multivariant-or-media tags). */
        ANY,
        /** Media playlist tags and media metadata tags. */
        MEDIA,
        /** Media segment tags (media playlists only). */
        SEGMENT,
        /** Multivariant playlist tags. */
        MULTIVARIANT
    }

    private static final HashMap<String, TagName> BY_TEXT = new HashMap<>();

    static {
        for (TagName t : values()) {
            if (!t.text.isEmpty()) {
                BY_TEXT.put(t.text, t);
            }
        }
    }

    private final String text;
    private final Form form;
    private final Scope scope;
    private final String specRef;

    TagName(String text, Form form, Scope scope, String section) {
        this.text = text;
        this.form = form;
        this.scope = scope;
        this.specRef = section.startsWith("§") ? "RFC 8216bis " + section : section;
    }

    /**
     * The name as written after {@code #}, e.g. {@code EXT-X-KEY}; empty for {@link #UNKNOWN},
     * {@link #URI} and {@link #COMMENT}.
     */
    public String text() {
        return text;
    }

    /** The form of the tag's value. */
    public Form form() {
        return form;
    }

    /** Where the tag may appear. */
    public Scope scope() {
        return scope;
    }

    /** The defining section, e.g. {@code "RFC 8216bis §4.4.4.4"}. */
    public String specRef() {
        return specRef;
    }

    /** The tag named {@code text} (without {@code #}), or {@link #UNKNOWN}; never {@link #URI} or {@link #COMMENT}. */
    public static TagName of(String text) {
        return BY_TEXT.getOrDefault(text, UNKNOWN);
    }
}

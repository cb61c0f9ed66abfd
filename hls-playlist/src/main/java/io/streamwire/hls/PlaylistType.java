package io.streamwire.hls;

/**
 * EXT-X-PLAYLIST-TYPE, RFC 8216bis §4.4.3.5: {@code EVENT} or {@code VOD}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the enumerated-string as written (other values survive a round trip; the validator flags them)
 * @since 0.1.0
 */
public record PlaylistType(String value) implements PlaylistTag {
    public static final PlaylistType EVENT = new PlaylistType("EVENT");
    public static final PlaylistType VOD = new PlaylistType("VOD");

    public PlaylistType {
        if (!AttributeType.ENUMERATED_STRING.accepts(value, false)) {
            throw new IllegalArgumentException("playlist type '" + value + "' is not an enumerated-string");
        }
    }

    /** Whether the value is EVENT or VOD. */
    public boolean isKnown() {
        return value.equals("EVENT") || value.equals("VOD");
    }

    @Override
    public TagName tagName() {
        return TagName.EXT_X_PLAYLIST_TYPE;
    }

    @Override
    public void appendTo(StringBuilder out) {
        out.append("#EXT-X-PLAYLIST-TYPE:").append(value);
    }
}

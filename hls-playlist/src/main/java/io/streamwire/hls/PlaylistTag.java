package io.streamwire.hls;

/**
 * A tag line, RFC 8216bis §4.4: every tag of the spec has its own record; tags the parser does not
 * know are {@link UnknownTag}s, kept where they were.
 *
 * <p>Implementations are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public sealed interface PlaylistTag extends PlaylistLine
        permits MarkerTag, IntegerTag, Extinf, ByteRange, ProgramDateTime, PlaylistType, AttributeTag, RawTag, UnknownTag {

    /** Which tag this is ({@link TagName#UNKNOWN} for unknown tags); never null. */
    @Override
    TagName tagName();

    /** The tag's name as written after {@code #}. */
    default String name() {
        return tagName().text();
    }
}

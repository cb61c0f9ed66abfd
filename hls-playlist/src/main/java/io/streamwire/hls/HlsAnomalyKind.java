package io.streamwire.hls;

/**
 * What kind of rule a playlist breaks without stopping a lenient parse: the kind of every
 * {@link io.streamwire.core.Anomaly} a {@link PlaylistDecoder} reports and of every
 * {@link Diagnostic} a lenient {@link PlaylistParser} or the {@link PlaylistValidator} returns. In
 * strict mode the first of them is thrown as a {@link PlaylistException} instead.
 *
 * <p>Each constant says what the parser keeps. Section numbers are draft-pantos-hls-rfc8216bis's.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public enum HlsAnomalyKind {
    /**
     * A line is not valid UTF-8 (§4.1). The malformed bytes are read as U+FFFD.
     */
    MALFORMED_UTF8,
    /**
     * A carriage return not followed by a line feed inside a line (§4.1). It is read as a line
     * break.
     */
    LONE_CARRIAGE_RETURN,
    /**
     * White space where §4.1 forbids it: before or after a URI line, after a known tag's name
     * ({@code #EXT-X-ENDLIST }), around a known tag's value or an EXTINF duration, or outside the
     * quoted-strings of an attribute list (§4.2). The line is read without it, so the tag keeps its
     * meaning (an EXTINF title, the rest of its line, keeps its white space; an unknown tag is kept
     * as written). In strict mode it is an error with the line and column of the first white space.
     */
    WHITE_SPACE,
    /**
     * A tag's value does not have the syntax of its type (§4.2, §4.4): a decimal-integer, an
     * EXTINF duration, a byte range, a date-time, an enumerated-string or an attribute list that
     * cannot be read. The line is kept as an {@link UnknownTag} and written back as it was; a value
     * on a tag that takes none is dropped; an EXTINF without its comma is read with an empty title.
     */
    MALFORMED_TAG,
    /**
     * A variable reference that cannot be substituted (§4.3): an undefined variable (the reference
     * is kept as written), a URI line that substitution makes empty or a comment (the line is
     * dropped), or a substituted value holding a character not allowed there (the value is kept
     * unsubstituted).
     */
    VARIABLE,
    /**
     * An EXT-X-DEFINE that defines nothing (§4.4.2.3): not exactly one of NAME, IMPORT and
     * QUERYPARAM, a malformed or duplicate name, NAME without VALUE, an IMPORT the multivariant
     * playlist does not define, a QUERYPARAM absent from the playlist URL, or IMPORT in a
     * multivariant playlist. The tag is kept; the variable is not defined.
     */
    DEFINE,
    /**
     * A tag where it may not be (§4.1, §4.4): EXTM3U not first, a tag that may appear once
     * repeated, a media tag in a multivariant playlist or the reverse, EXT-X-MEDIA-SEQUENCE or
     * EXT-X-DISCONTINUITY-SEQUENCE after the first segment, a URI without its EXTINF or
     * EXT-X-STREAM-INF, an EXTINF or EXT-X-STREAM-INF without its URI, or a tag that needs another
     * one absent (EXT-X-TARGETDURATION, EXT-X-PART-INF, EXT-X-PROGRAM-DATE-TIME for a
     * DATERANGE). Every line is kept where it was.
     */
    STRUCTURE,
    /**
     * An attribute breaks its tag's rules (§4.2, §4.4): a REQUIRED attribute missing, a name given
     * twice, a value not of the attribute's type or not one of its enumerated values, or a rule
     * between attributes (METHOD=NONE with other attributes, CLOSED-CAPTIONS with a URI,
     * END-DATE before START-DATE, a NAME twice in a rendition group, …); also an
     * EXT-X-PLAYLIST-TYPE other than EVENT or VOD. The tag is kept as written.
     */
    ATTRIBUTE,
    /**
     * A duration rule of §4.4.3 and §4.4.4.9: an EXTINF rounding above EXT-X-TARGETDURATION, a
     * part longer than PART-TARGET, or a HOLD-BACK, PART-HOLD-BACK or CAN-SKIP-UNTIL below its
     * minimum. The values are kept as written.
     */
    TIMING,
    /**
     * A reference that does not resolve: an offset-less EXT-X-BYTERANGE after a segment of another
     * resource (§4.4.4.2), or an EXT-X-STREAM-INF group with no EXT-X-MEDIA of that TYPE
     * (§4.4.6.2.1). Kept as written.
     */
    REFERENCE,
    /**
     * EXT-X-VERSION absent or lower than the playlist's features need (§8). Kept as written
     * ({@link PlaylistWriter#withMinimumVersion} fixes it).
     */
    VERSION
}

package io.streamwire.hls;

import io.streamwire.core.LimitExceededException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;

/**
 * Parses playlists (RFC 8216bis §4) from text or UTF-8 bytes into a {@link Playlist}, telling
 * multivariant from media playlists by their tags.
 *
 * <p>Input: a byte order mark is skipped, lines end with LF or CRLF, the last line needs no
 * terminator, blank lines are ignored. Bytes must be UTF-8 (§4.1); strict mode rejects malformed
 * UTF-8, lenient mode replaces it with U+FFFD.
 *
 * <p>Strict mode ({@link #strict()}) throws a {@link PlaylistException} (line, column, tag, spec
 * section) for the first violation of a rule of the spec, including every rule of
 * {@link PlaylistValidator}; lenient mode ({@link #lenient()}) keeps going, keeps what it cannot
 * read as {@link UnknownTag}s and returns the violations as {@link Diagnostic}s (line, column, tag,
 * spec section). Both throw the shared {@link LimitExceededException} (module {@code "hls"}) past a
 * {@link PlaylistLimits} bound.
 *
 * <p>Variables (EXT-X-DEFINE, §4.3): NAME/VALUE definitions, IMPORT from
 * {@link #withParentVariables} (the multivariant playlist's definitions) and QUERYPARAM from
 * {@link #withPlaylistUrl}. References in URI lines and quoted-string attributes are replaced.
 *
 * <p>A playlist that arrives in pieces goes through {@link #newDecoder(PlaylistDecoder.Listener)}
 * instead: the same result however the input is split.
 *
 * <pre>{@code
 * ParseResult r = PlaylistParser.lenient().parse(bytes);
 * r.diagnostics().forEach(System.out::println);
 * }</pre>
 *
 * <p>Immutable and thread-safe; each parse uses its own state.
 *
 * @since 0.1.0
 */
public final class PlaylistParser {
    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private final boolean strict;
    private final PlaylistLimits limits;
    private final Map<String, String> parentVariables;
    private final String playlistUrl;
    private final boolean substitute;

    private PlaylistParser(boolean strict, PlaylistLimits limits, Map<String, String> parentVariables, String playlistUrl,
            boolean substitute) {
        this.strict = strict;
        this.limits = Objects.requireNonNull(limits, "limits");
        this.parentVariables = Map.copyOf(parentVariables);
        this.playlistUrl = playlistUrl;
        this.substitute = substitute;
    }

    /** A strict parser with default limits. */
    public static PlaylistParser strict() {
        return new PlaylistParser(true, PlaylistLimits.defaults(), Map.of(), null, true);
    }

    /** A lenient parser with default limits. */
    public static PlaylistParser lenient() {
        return new PlaylistParser(false, PlaylistLimits.defaults(), Map.of(), null, true);
    }

    /** This parser with other limits. */
    public PlaylistParser withLimits(PlaylistLimits limits) {
        return new PlaylistParser(strict, limits, parentVariables, playlistUrl, substitute);
    }

    /** This parser with the variables that EXT-X-DEFINE IMPORT may import (the multivariant playlist's). */
    public PlaylistParser withParentVariables(Map<String, String> variables) {
        return new PlaylistParser(strict, limits, variables, playlistUrl, substitute);
    }

    /** This parser with the URL the playlist was loaded from, for EXT-X-DEFINE QUERYPARAM. */
    public PlaylistParser withPlaylistUrl(String url) {
        return new PlaylistParser(strict, limits, parentVariables, url, substitute);
    }

    /** This parser with variable substitution on (default) or off (references kept as written). */
    public PlaylistParser withVariableSubstitution(boolean on) {
        return new PlaylistParser(strict, limits, parentVariables, playlistUrl, on);
    }

    boolean isStrict() {
        return strict;
    }

    PlaylistLimits limits() {
        return limits;
    }

    Map<String, String> parentVariables() {
        return parentVariables;
    }

    String playlistUrl() {
        return playlistUrl;
    }

    boolean substitutesVariables() {
        return substitute;
    }

    /**
     * A push decoder for a playlist arriving in pieces (an HTTP body read chunk by chunk) with this
     * parser's mode, limits and variables: {@code listener} gets the playlist at
     * {@link PlaylistDecoder#endOfInput()} and, in lenient mode, each rule violation as an anomaly
     * when it is found. In strict mode the first violation fails the decoder with a
     * {@link PlaylistException}.
     *
     * @throws NullPointerException when {@code listener} is null
     */
    public PlaylistDecoder newDecoder(PlaylistDecoder.Listener listener) {
        return new PlaylistDecoder(listener, this);
    }

    /**
     * Parses text. Offsets in diagnostics count chars.
     *
     * @throws PlaylistException in strict mode for the first rule violation
     * @throws LimitExceededException past a limit
     */
    public ParseResult parse(CharSequence text) {
        String s = text.toString();
        int n = s.length();
        if (n > limits.maxPlaylistBytes()) {
            throw PlaylistLimits.exceeded("playlist length", "maxPlaylistBytes", limits.maxPlaylistBytes(), n,
                    limits.maxPlaylistBytes());
        }
        LineParser p = new LineParser(this, n / 64, null);
        int start = n > 0 && s.charAt(0) == '\uFEFF' ? 1 : 0;
        int lineNo = 1;
        while (start < n) {
            int nl = s.indexOf('\n', start);
            int end = nl < 0 ? n : nl;
            int stop = end > start && s.charAt(end - 1) == '\r' ? end - 1 : end;
            if (stop - start > limits.maxLineLength()) {
                throw PlaylistLimits.exceeded("line " + lineNo + " length", "maxLineLength", limits.maxLineLength(), stop - start,
                        start);
            }
            p.line(s.substring(start, stop), lineNo, start);
            lineNo++;
            start = end + 1;
        }
        return p.finish();
    }

    /**
     * Parses UTF-8 bytes.
     *
     * @throws PlaylistException in strict mode for the first rule violation or malformed UTF-8
     * @throws LimitExceededException past a limit
     */
    public ParseResult parse(byte[] bytes) {
        return parse(bytes, 0, bytes.length);
    }

    /** Parses {@code length} UTF-8 bytes of {@code bytes} from {@code from}. */
    public ParseResult parse(byte[] bytes, int from, int length) {
        Objects.checkFromIndexSize(from, length, bytes.length);
        if (length > limits.maxPlaylistBytes()) {
            throw PlaylistLimits.exceeded("playlist length", "maxPlaylistBytes", limits.maxPlaylistBytes(), length,
                    limits.maxPlaylistBytes());
        }
        LineParser p = new LineParser(this, length / 64, null);
        int end = from + length;
        int i = from;
        if (length >= 3 && bytes[from] == (byte) 0xEF && bytes[from + 1] == (byte) 0xBB && bytes[from + 2] == (byte) 0xBF) {
            i += 3;
        }
        int lineNo = 1;
        int maxLine = limits.maxLineLength();
        while (i < end) {
            int start = i;
            long high = 0;
            boolean found = false;
            int limit = (int) Math.min(end, (long) start + maxLine + 1);
            // sixteen bytes at a time while neither word holds a '\n' (two independent words: better
            // instruction-level parallelism than one), then eight
            while (i + 16 <= limit) {
                long w0 = (long) LONGS.get(bytes, i);
                long w1 = (long) LONGS.get(bytes, i + 8);
                long x0 = w0 ^ 0x0A0A0A0A0A0A0A0AL;
                long x1 = w1 ^ 0x0A0A0A0A0A0A0A0AL;
                if ((((x0 - 0x0101010101010101L) & ~x0 | (x1 - 0x0101010101010101L) & ~x1) & 0x8080808080808080L) != 0) {
                    break;
                }
                high |= w0 | w1;
                i += 16;
            }
            // eight bytes at a time: find the first '\n' (the lowest flagged byte is exact in little-endian
            // order) and OR the bytes before it to note any byte >= 0x80
            while (i + 8 <= limit) {
                long word = (long) LONGS.get(bytes, i);
                long x = word ^ 0x0A0A0A0A0A0A0A0AL;
                long hit = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
                if (hit != 0) {
                    int k = Long.numberOfTrailingZeros(hit) & ~7;
                    high |= word & ((1L << k) - 1);
                    i += k >>> 3;
                    found = true;
                    break;
                }
                high |= word;
                i += 8;
            }
            if (!found) {
                while (i < limit && bytes[i] != '\n') {
                    high |= bytes[i];
                    i++;
                }
            }
            if (i == limit && limit < end && bytes[limit] != '\n') { // ('\n' next: maxLine bytes and a CR may follow)
                throw PlaylistLimits.exceeded("line " + lineNo + " length", "maxLineLength", maxLine, maxLine + 1L, start - from);
            }
            int stop = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
            if (stop - start > maxLine) {
                throw PlaylistLimits.exceeded("line " + lineNo + " length", "maxLineLength", maxLine, stop - start, start - from);
            }
            boolean nonAscii = (high & 0x8080808080808080L) != 0;
            if (nonAscii || !p.asciiLine(bytes, start, stop, lineNo, start - from)) {
                p.line(p.decode(bytes, start, stop - start, nonAscii, lineNo, start - from), lineNo, start - from);
            }
            lineNo++;
            i++;
        }
        return p.finish();
    }

    /**
     * Parses the remaining bytes of {@code buffer}; its position moves to the limit on success only.
     *
     * @throws PlaylistException in strict mode for the first rule violation or malformed UTF-8
     * @throws LimitExceededException past a limit
     */
    public ParseResult parse(ByteBuffer buffer) {
        ParseResult r;
        if (buffer.hasArray()) {
            r = parse(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
        } else {
            byte[] copy = new byte[buffer.remaining()];
            buffer.duplicate().get(copy);
            r = parse(copy);
        }
        buffer.position(buffer.limit());
        return r;
    }
}

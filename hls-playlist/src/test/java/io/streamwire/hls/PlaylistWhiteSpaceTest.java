package io.streamwire.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * White space that RFC 8216bis §4.1 forbids around tags, values and attribute lists: strict mode
 * reports it with its line and column; lenient mode reads the tag without it (so
 * {@code #EXT-X-ENDLIST } still ends the list) and reports a {@link HlsAnomalyKind#WHITE_SPACE}
 * diagnostic with the same position.
 */
class PlaylistWhiteSpaceTest {

    static final List<String> LINES = List.of(
            "#EXTM3U",
            "#EXT-X-VERSION:7",
            "#EXT-X-TARGETDURATION:10",
            "#EXT-X-PLAYLIST-TYPE:VOD",
            "#EXT-X-MEDIA-SEQUENCE:5",
            "#EXT-X-INDEPENDENT-SEGMENTS",
            "#EXT-X-MAP:URI=\"init.mp4\",BYTERANGE=\"720@0\"",
            "#EXT-X-KEY:METHOD=NONE",
            "#EXT-X-PROGRAM-DATE-TIME:2024-01-01T00:00:00.000Z",
            "#EXTINF:10,title",
            "#EXT-X-BYTERANGE:100@720",
            "seg.mp4",
            "#EXT-X-DISCONTINUITY",
            "#EXT-X-GAP",
            "#EXT-X-BITRATE:800",
            "#EXTINF:10,",
            "seg2.mp4",
            "#EXT-X-ENDLIST");

    static String playlist(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    static final Playlist CLEAN = PlaylistParser.strict().parse(playlist(LINES)).playlist();

    /** The playlist with {@code suffix} after line {@code index} (0-based). */
    static String withSuffix(int index, String suffix) {
        List<String> lines = new ArrayList<>(LINES);
        lines.set(index, lines.get(index) + suffix);
        return playlist(lines);
    }

    static long lineStart(String text, int line) {
        int at = 0;
        for (int i = 1; i < line; i++) {
            at = text.indexOf('\n', at) + 1;
        }
        return at;
    }

    /** The one lenient diagnostic and the strict error for {@code text}: WHITE_SPACE at {@code line}, {@code column}. */
    static void assertWhiteSpaceAt(String text, int line, int column) {
        long offset = lineStart(text, line) + column - 1;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (ParseResult r : List.of(PlaylistParser.lenient().parse(text), PlaylistParser.lenient().parse(bytes))) {
            assertThat(r.playlist()).as(text).isEqualTo(CLEAN);
            assertThat(r.diagnostics()).as(text).singleElement().satisfies(d -> {
                assertThat(d.kind()).isEqualTo(HlsAnomalyKind.WHITE_SPACE);
                assertThat(d.line()).isEqualTo(line);
                assertThat(d.column()).isEqualTo(column);
                assertThat(d.offset()).isEqualTo(offset);
            });
        }
        // the push decoder reports the same, whole or a byte at a time
        for (int chunk : new int[] {1, bytes.length}) {
            PlaylistDecoderTest.Recorder recorder = new PlaylistDecoderTest.Recorder();
            PlaylistDecoder decoder = new PlaylistDecoder(recorder);
            for (int at = 0; at < bytes.length; at += chunk) {
                decoder.feed(ByteBuffer.wrap(bytes, at, Math.min(chunk, bytes.length - at)));
            }
            decoder.endOfInput();
            assertThat(recorder.decoded()).isEqualTo(PlaylistDecoderTest.Decoded.of(PlaylistParser.lenient().parse(bytes)));
        }
        for (Runnable strict : List.<Runnable>of(() -> PlaylistParser.strict().parse(text),
                () -> PlaylistParser.strict().parse(bytes))) {
            assertThatThrownBy(strict::run).as(text).isInstanceOfSatisfying(PlaylistException.class, e -> {
                assertThat(e.line()).isEqualTo(line);
                assertThat(e.column()).isEqualTo(column);
                assertThat(e.offset()).isEqualTo(offset);
                assertThat(e.specRef()).startsWith("RFC 8216bis §4.");
                assertThat(e.getMessage()).contains("white space");
            });
        }
    }

    @Test
    void cleanPlaylistHasNoDiagnostics() {
        assertThat(PlaylistParser.lenient().parse(playlist(LINES)).diagnostics()).isEmpty();
        assertThat(((MediaPlaylist) CLEAN).endList()).isTrue();
    }

    @Test
    void endListAndGapWithTrailingSpaceKeepTheirMeaning() {
        String text = withSuffix(LINES.indexOf("#EXT-X-ENDLIST"), " ");
        ParseResult r = PlaylistParser.lenient().parse(text);
        assertThat(((MediaPlaylist) r.playlist()).endList()).isTrue();
        assertThat(r.playlist().lines()).doesNotHaveAnyElementsOfTypes(UnknownTag.class);
        assertThat(r.diagnostics()).hasSize(1);
        assertWhiteSpaceAt(text, LINES.size(), "#EXT-X-ENDLIST".length() + 1);

        String gap = withSuffix(LINES.indexOf("#EXT-X-GAP"), " ");
        MediaPlaylist p = (MediaPlaylist) PlaylistParser.lenient().parse(gap).playlist();
        assertThat(p.segments().get(1).gap()).isTrue();
        assertWhiteSpaceAt(gap, LINES.indexOf("#EXT-X-GAP") + 1, "#EXT-X-GAP".length() + 1);
    }

    @Test
    void trailingWhiteSpaceOnEveryTagAndUriLine() {
        for (int i = 0; i < LINES.size(); i++) {
            if (LINES.get(i).startsWith("#EXTINF:")) {
                continue; // the title is the rest of the line: see extinfTitleKeepsItsWhiteSpace
            }
            for (String space : List.of(" ", "\t", " \t ")) {
                assertWhiteSpaceAt(withSuffix(i, space), i + 1, LINES.get(i).length() + 1);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        // line as written | line as meant | column of the first white space
        "#EXT-X-VERSION :7|#EXT-X-VERSION:7|15",
        "#EXT-X-TARGETDURATION: 10|#EXT-X-TARGETDURATION:10|23",
        "#EXT-X-PLAYLIST-TYPE:\tVOD|#EXT-X-PLAYLIST-TYPE:VOD|22",
        "#EXT-X-PROGRAM-DATE-TIME: 2024-01-01T00:00:00.000Z|#EXT-X-PROGRAM-DATE-TIME:2024-01-01T00:00:00.000Z|26",
        "#EXT-X-BYTERANGE: 100@720|#EXT-X-BYTERANGE:100@720|18",
        "#EXT-X-MAP:URI=\"init.mp4\", BYTERANGE=\"720@0\"|#EXT-X-MAP:URI=\"init.mp4\",BYTERANGE=\"720@0\"|27",
        "#EXT-X-MAP:URI =\"init.mp4\",BYTERANGE=\"720@0\"|#EXT-X-MAP:URI=\"init.mp4\",BYTERANGE=\"720@0\"|15",
        "#EXT-X-KEY:METHOD= NONE|#EXT-X-KEY:METHOD=NONE|19",
        "#EXT-X-KEY: METHOD=NONE|#EXT-X-KEY:METHOD=NONE|12",
        "#EXTINF:10 ,title|#EXTINF:10,title|11",
        "#EXTINF: 10,title|#EXTINF:10,title|9",
        "' seg.mp4'|seg.mp4|1",
    })
    void whiteSpaceInsideTagLines(String written, String meant, int column) {
        int index = LINES.indexOf(meant);
        assertThat(index).as(meant).isNotNegative();
        List<String> lines = new ArrayList<>(LINES);
        lines.set(index, written);
        assertWhiteSpaceAt(playlist(lines), index + 1, column);
    }

    @Test
    void extinfTitleKeepsItsWhiteSpace() {
        String text = withSuffix(LINES.indexOf("#EXTINF:10,title"), " ");
        ParseResult r = PlaylistParser.strict().parse(text);
        assertThat(((MediaPlaylist) r.playlist()).segments().get(0).title()).isEqualTo("title ");
        assertThat(r.diagnostics()).isEmpty();
    }

    @Test
    void unknownTagIsKeptAsWritten() {
        List<String> lines = new ArrayList<>(LINES);
        lines.add(1, "#EXT-X-VENDOR-THING ");
        lines.add(2, "#EXT-X-VENDOR-OTHER:a b ");
        ParseResult r = PlaylistParser.strict().parse(playlist(lines));
        assertThat(r.playlist().lines()).contains(new UnknownTag("EXT-X-VENDOR-THING ", null),
                new UnknownTag("EXT-X-VENDOR-OTHER", "a b "));
        assertThat(r.playlist().write()).isEqualTo(playlist(lines));
    }
}

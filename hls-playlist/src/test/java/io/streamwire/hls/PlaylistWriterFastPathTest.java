package io.streamwire.hls;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.testkit.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The writer's URI/EXTINF shortcut gives the same text as every line's own {@code appendTo}. */
class PlaylistWriterFastPathTest {

    private static String viaAppendTo(Playlist p) {
        StringBuilder out = new StringBuilder();
        for (PlaylistLine line : p.lines()) {
            line.appendTo(out);
            out.append('\n');
        }
        return out.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ts.m3u8", "fmp4.m3u8", "single.m3u8", "multi.m3u8", "v0.m3u8", "vaudio.m3u8"})
    void fixturesWriteTheSameTextAsAppendTo(String name) {
        Playlist p = PlaylistParser.lenient().parse(Fixtures.bytes("hls/" + name)).playlist();
        String text = PlaylistWriter.write(p);
        assertThat(text).isEqualTo(viaAppendTo(p));
        assertThat(PlaylistWriter.toBytes(p)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4", "4.000", "0.5", "10.01"})
    void extinfWithTitlesAndNonAsciiUris(String duration) {
        MediaPlaylist p = MediaPlaylist.of(List.of(MarkerTag.EXTM3U, IntegerTag.version(3), IntegerTag.targetDuration(11),
                new Extinf(duration, "Titel \u00e4\u00f6\u00fc \uD83C\uDFB5"), new Uri("s\u00e9gment-\u4e2d.ts"),
                new Extinf(duration, ""), new Uri("https://cdn.example/a/b.ts?x=1"), MarkerTag.ENDLIST));
        String text = PlaylistWriter.write(p);
        assertThat(text).isEqualTo(viaAppendTo(p));
        assertThat(text).contains("#EXTINF:" + duration + ",Titel \u00e4\u00f6\u00fc \uD83C\uDFB5\ns\u00e9gment-\u4e2d.ts\n");
        assertThat(PlaylistWriter.toBytes(p)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        assertThat(Playlist.parse(text)).isEqualTo(p);
    }

    private static String text(java.util.Random r, int max) {
        String[] pieces = {"a", "seg", "/", "?x=1", "\u00e9", "\u4e2d", "\uD83C\uDFB5", "\uD83C", "\uDFB5", " ", ",", "\"", "\u00ff",
            "0123456789abcdef".repeat(8)};
        StringBuilder b = new StringBuilder("u");
        int n = r.nextInt(max);
        for (int i = 0; i < n; i++) {
            b.append(pieces[r.nextInt(pieces.length)]);
        }
        return b.append('x').toString();
    }

    /** Random lines (non-ASCII, unpaired surrogates, lines longer than the encoder's batch) across many batches. */
    @org.junit.jupiter.api.Test
    void bytesAreTheUtf8OfTheText() {
        java.util.Random r = new java.util.Random(8);
        for (int round = 0; round < 200; round++) {
            List<PlaylistLine> lines = new java.util.ArrayList<>(List.of(MarkerTag.EXTM3U, IntegerTag.targetDuration(10)));
            int count = r.nextInt(round < 100 ? 20 : 2000);
            for (int i = 0; i < count; i++) {
                switch (r.nextInt(6)) {
                    case 0: lines.add(new Comment(text(r, r.nextInt(50) == 0 ? 2000 : 10))); break;
                    case 1: lines.add(Key.of("AES-128", text(r, 10).replace('"', 'q'))); break;
                    default: break;
                }
                lines.add(new Extinf(r.nextBoolean() ? "6.006000" : "10", r.nextInt(4) == 0 ? text(r, 8) : ""));
                lines.add(new Uri(r.nextInt(3) == 0 ? text(r, r.nextInt(100) == 0 ? 3000 : 12) : "https://cdn.example/s" + i + ".ts"));
            }
            MediaPlaylist p = MediaPlaylist.of(lines);
            assertThat(PlaylistWriter.toBytes(p)).isEqualTo(PlaylistWriter.write(p).getBytes(StandardCharsets.UTF_8));
        }
        assertThat(PlaylistWriter.toBytes(MediaPlaylist.of(List.of()))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ts.m3u8", "fmp4.m3u8", "single.m3u8", "multi.m3u8", "v0.m3u8", "vaudio.m3u8"})
    void fixturesWriteTheirBytesBack(String name) {
        byte[] bytes = Fixtures.bytes("hls/" + name);
        Playlist p = PlaylistParser.lenient().parse(bytes).playlist();
        assertThat(PlaylistWriter.toBytes(p)).isEqualTo(PlaylistWriter.write(p).getBytes(StandardCharsets.UTF_8));
    }
}

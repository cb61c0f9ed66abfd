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
}

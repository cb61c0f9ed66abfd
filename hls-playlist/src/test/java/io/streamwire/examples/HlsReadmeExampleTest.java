package io.streamwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.hls.LivePlaylistBuilder;
import io.streamwire.hls.MediaPlaylist;
import io.streamwire.hls.MediaSegment;
import io.streamwire.hls.Playlist;
import io.streamwire.testkit.ReadmeSnippets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's usage examples for this module, compiled and run against the public API only. */
class HlsReadmeExampleTest {

    @Test
    void parsesAndWritesBack() {
        String text = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:6\n#EXT-X-MEDIA-SEQUENCE:7\n#EXTINF:6.006,\nseg7.ts\n#EXTINF:5.5,\nseg8.ts\n";
        List<String> out = new ArrayList<>();
        // README:begin
        Playlist playlist = Playlist.parse(text); // strict: PlaylistException(line, column, tag, spec section)
        if (playlist instanceof MediaPlaylist media) {
            for (MediaSegment segment : media.segments()) {
                out.add(segment.mediaSequenceNumber() + " " + segment.uri() + " " + segment.durationSeconds());
            }
        }
        String canonical = playlist.write(); // byte for byte the same for canonical input
        // README:end
        assertThat(out).containsExactly("7 seg7.ts 6.006", "8 seg8.ts 5.5");
        assertThat(canonical).isEqualTo(text);
    }

    @Test
    void buildsALiveLowLatencyPlaylist() {
        // README:begin
        LivePlaylistBuilder live = LivePlaylistBuilder.builder(4).window(6).partTarget(1.0).build();
        live.addPart("s0.0.mp4", 1.0, true);
        live.addSegment("s0.mp4", 4.0); // slides the window, keeps EXT-X-MEDIA-SEQUENCE right
        live.preloadHint("s1.0.mp4");
        String body = live.playlist().write();
        // README:end
        assertThat(body).contains("#EXT-X-PART:DURATION=1,URI=\"s0.0.mp4\",INDEPENDENT=YES\n#EXTINF:4,\ns0.mp4\n");
        assertThat(body).contains("#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"s1.0.mp4\"");
    }

    @Test
    void readmeShowsThisExample() {
        ReadmeSnippets.assertInReadme(HlsReadmeExampleTest.class);
    }
}

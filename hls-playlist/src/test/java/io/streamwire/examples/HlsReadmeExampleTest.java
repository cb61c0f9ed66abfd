package io.streamwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.core.Anomaly;
import io.streamwire.core.LimitExceededException;
import io.streamwire.hls.Diagnostic;
import io.streamwire.hls.HlsAnomalyKind;
import io.streamwire.hls.LivePlaylistBuilder;
import io.streamwire.hls.MediaPlaylist;
import io.streamwire.hls.MediaSegment;
import io.streamwire.hls.ParseResult;
import io.streamwire.hls.Playlist;
import io.streamwire.hls.PlaylistDecoder;
import io.streamwire.hls.PlaylistException;
import io.streamwire.hls.PlaylistParser;
import io.streamwire.testkit.ReadmeSnippets;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's usage examples for this module, compiled and run against the public API only. */
class HlsReadmeExampleTest {

    static final String TEXT = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:6\n#EXT-X-MEDIA-SEQUENCE:7\n#EXTINF:6.006,\nseg7.ts\n#EXTINF:5.5,\nseg8.ts\n";

    @Test
    void parsesAndWritesBack() {
        String text = TEXT;
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
    void parsesLenientlyWithDiagnostics() {
        byte[] bytes = "#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:5.5,\nseg0.ts \n".getBytes(StandardCharsets.UTF_8);
        List<String> problems = new ArrayList<>();
        // README:begin
        ParseResult result = PlaylistParser.lenient().parse(bytes); // keeps going past rule violations
        for (Diagnostic d : result.diagnostics()) {
            problems.add(d.line() + ":" + d.column() + " " + d.kind() + " " + d.field() + " " + d.problem());
        }
        Playlist playlist = result.playlist();
        // README:end
        assertThat(problems).containsExactly("4:8 WHITE_SPACE URI has trailing white space",
                "1:1 VERSION EXT-X-VERSION is absent (1) but the playlist's features need 3",
                "3:9 TIMING EXTINF duration 5.5 rounds above EXT-X-TARGETDURATION 4");
        assertThat(((MediaPlaylist) playlist).segments().get(0).uri()).isEqualTo("seg0.ts");
    }

    @Test
    void decodesAPlaylistArrivingInPieces() {
        byte[] all = TEXT.getBytes(StandardCharsets.UTF_8);
        List<ByteBuffer> body = List.of(ByteBuffer.wrap(all, 0, 50), ByteBuffer.wrap(all, 50, all.length - 50));
        List<Playlist> playlists = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        // README:begin
        PlaylistDecoder decoder = new PlaylistDecoder(new PlaylistDecoder.Listener() {
            @Override
            public void onPlaylist(Playlist playlist) {
                playlists.add(playlist); // once, at endOfInput()
            }

            @Override
            public void onAnomaly(Anomaly<HlsAnomalyKind> anomaly) {
                problems.add(anomaly.kind() + " at " + anomaly.offset() + ": " + anomaly.detail()); // lenient
            }
        });
        for (ByteBuffer chunk : body) { // e.g. an HTTP response body, chunk by chunk
            decoder.feed(chunk);        // any split gives the same result
        }
        decoder.endOfInput();
        // README:end
        assertThat(playlists).containsExactly(Playlist.parse(TEXT));
        assertThat(problems).isEmpty();
        assertThat(decoder.position()).isEqualTo(all.length);
    }

    @Test
    void reportsErrors() {
        String text = "#EXTM3U\n#EXTINF:4,\nseg0.ts\n";
        List<String> out = new ArrayList<>();
        // README:begin
        try {
            Playlist.parse(text);
        } catch (PlaylistException e) { // a rule of the spec: where, which tag, which section
            out.add(e.line() + ":" + e.column() + " " + e.field() + " " + e.specRef());
        } catch (LimitExceededException e) { // a PlaylistLimits bound: the setting to raise
            out.add(e.limitName() + " " + e.limit());
        }
        // README:end
        assertThat(out).containsExactly("1:1 EXT-X-TARGETDURATION RFC 8216bis §4.4.3.1");
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

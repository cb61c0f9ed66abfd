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
import io.streamwire.hls.PlaylistLine;
import io.streamwire.hls.PlaylistParser;
import io.streamwire.hls.ProgramDateTime;
import io.streamwire.hls.SegmentMap;
import io.streamwire.hls.Uri;
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

    static final String VOD = """
            #EXTM3U
            #EXT-X-VERSION:7
            #EXT-X-TARGETDURATION:6
            #EXT-X-MEDIA-SEQUENCE:100
            #EXT-X-MAP:URI="init.mp4"
            #EXT-X-PROGRAM-DATE-TIME:2026-01-01T00:00:00Z
            #EXTINF:6,
            #EXT-X-BYTERANGE:1000@0
            main.mp4
            #EXTINF:6,
            #EXT-X-BYTERANGE:1200
            main.mp4
            #EXT-X-DISCONTINUITY
            #EXT-X-KEY:METHOD=AES-128,URI="ad.key"
            #EXTINF:4,
            ad.mp4
            #EXT-X-DISCONTINUITY
            #EXT-X-KEY:METHOD=NONE
            #EXTINF:6,
            #EXT-X-BYTERANGE:900@2200
            main.mp4
            #EXT-X-ENDLIST
            """;

    @Test
    void editsSegments() {
        String text = VOD;
        // README:begin
        MediaPlaylist media = (MediaPlaylist) Playlist.parse(text);
        MediaPlaylist edited = media.edit()
                .remove(0) // the first segment: EXT-X-MEDIA-SEQUENCE advances, its MAP and date stay in effect
                .removeIf(segment -> segment.uri().startsWith("ad")) // its DISCONTINUITY moves to the next one
                .build();
        String written = edited.write();
        // README:end
        // RFC 8216bis §4.4.4.2 (the implicit offset 1000 becomes explicit), §4.4.4.6 (6 s after the
        // first date; 6 + 6 + 4 s for the last segment, which no longer follows the ad), §6.2.2.
        assertThat(written).isEqualTo("""
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-TARGETDURATION:6
                #EXT-X-MEDIA-SEQUENCE:101
                #EXT-X-MAP:URI="init.mp4"
                #EXT-X-PROGRAM-DATE-TIME:2026-01-01T00:00:06Z
                #EXTINF:6,
                #EXT-X-BYTERANGE:1200@1000
                main.mp4
                #EXT-X-PROGRAM-DATE-TIME:2026-01-01T00:00:16Z
                #EXT-X-DISCONTINUITY
                #EXT-X-KEY:METHOD=NONE
                #EXTINF:6,
                #EXT-X-BYTERANGE:900@2200
                main.mp4
                #EXT-X-ENDLIST
                """);
        List<MediaSegment> before = media.segments();
        List<MediaSegment> after = ((MediaPlaylist) Playlist.parse(written)).segments();
        assertThat(after).hasSize(2);
        for (int i = 0; i < 2; i++) {
            MediaSegment was = before.get(i == 0 ? 1 : 3);
            MediaSegment is = after.get(i);
            assertThat(is.mediaSequenceNumber()).isEqualTo(101 + i);
            assertThat(is.programDateTime()).isEqualTo(was.programDateTime());
            assertThat(is.byteRangeOffset()).isEqualTo(was.byteRangeOffset());
            assertThat(is.map()).isEqualTo(was.map());
            assertThat(is.keys()).isEqualTo(was.keys());
        }
    }

    @Test
    void switchesOverLines() {
        MediaPlaylist media = (MediaPlaylist) Playlist.parse(VOD);
        List<String> seen = new ArrayList<>();
        // README:begin
        for (PlaylistLine line : media.segments().get(0).lines()) { // the header is not part of it
            switch (line.tagName()) { // never null: URI and COMMENT stand for the lines that are not tags
                case EXT_X_MAP -> seen.add("map " + ((SegmentMap) line).uri());
                case EXT_X_PROGRAM_DATE_TIME -> seen.add("date " + ((ProgramDateTime) line).instant());
                case URI -> seen.add("uri " + ((Uri) line).value());
                default -> seen.add(line.tagName().toString());
            }
        }
        // README:end
        assertThat(seen).containsExactly("map init.mp4", "date 2026-01-01T00:00:00Z", "EXTINF", "EXT_X_BYTERANGE",
                "uri main.mp4");
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

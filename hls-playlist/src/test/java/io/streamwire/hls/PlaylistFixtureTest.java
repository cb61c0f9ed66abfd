package io.streamwire.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamwire.testkit.Fixtures;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * ffmpeg's own HLS output (scripts/fixtures/hls-playlist.sh) parses in strict mode to the segments,
 * durations and byte ranges that ffprobe sees in the segment files (the committed
 * {@code *.segments.csv}).
 */
class PlaylistFixtureTest {

    /** Compares the strict parse of {@code playlist} with ffprobe's view of each of its segments. */
    static MediaPlaylist assertMatchesFfprobe(byte[] playlist, List<String> csv, boolean cumulativeDurations, double tolerance) {
        MediaPlaylist p = (MediaPlaylist) PlaylistParser.strict().parse(playlist).playlist();
        List<String> rows = csv.stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        assertThat(p.segments()).hasSize(rows.size());
        double previousEnd = 0;
        for (int i = 0; i < rows.size(); i++) {
            String[] f = rows.get(i).split(",");
            MediaSegment s = p.segments().get(i);
            assertThat(s.mediaSequenceNumber()).isEqualTo(p.mediaSequence() + Integer.parseInt(f[0]));
            assertThat(s.uri()).isEqualTo(f[1]);
            assertThat(s.byteRangeOffset()).as("offset of " + i).isEqualTo(Long.parseLong(f[2]));
            assertThat(s.byteRangeLength()).as("length of " + i).isEqualTo(Long.parseLong(f[3]));
            double probed = Double.parseDouble(f[4]);
            double duration = cumulativeDurations ? probed - previousEnd : probed;
            previousEnd = probed;
            assertThat(s.durationSeconds()).as("EXTINF of " + s.uri() + " vs ffprobe").isCloseTo(duration, within(tolerance));
            assertThat(Long.parseLong(f[5])).as("ffprobe packets in " + i).isPositive();
            assertThat(Math.round(s.durationSeconds())).isLessThanOrEqualTo(p.targetDuration());
        }
        assertThat(p.endList()).isTrue();
        assertThat(p.playlistType()).isEqualTo(PlaylistType.VOD);
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ts.m3u8", "single.m3u8", "v0.m3u8", "v1.m3u8", "vaudio.m3u8"})
    void ffmpegMediaPlaylistsMatchFfprobe(String name) {
        // ffprobe's format duration of an audio-only TS segment is its PTS span (100 AAC frames of
        // 21.3 ms less the priming offset); ffmpeg's EXTINF counts from the segment's start time, so
        // the audio rendition differs by up to a quarter second; video segments agree within 50 ms.
        double tolerance = name.equals("vaudio.m3u8") ? 0.3 : 0.05;
        MediaPlaylist p = assertMatchesFfprobe(Fixtures.bytes("hls/" + name), Fixtures.lines("hls/" + name + ".segments.csv"), false,
                tolerance);
        assertThat(p.write().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .as("ffmpeg's media playlists are canonical: written back byte for byte")
                .isEqualTo(Fixtures.bytes("hls/" + name));
    }

    @Test
    void ffmpegFmp4PlaylistHasItsMapOnEverySegment() {
        MediaPlaylist p = assertMatchesFfprobe(Fixtures.bytes("hls/fmp4.m3u8"), Fixtures.lines("hls/fmp4.m3u8.segments.csv"), true, 0.05);
        assertThat(p.segments()).allSatisfy(s -> assertThat(s.map().uri()).isEqualTo("init.mp4"));
        assertThat(p.version()).isEqualTo(7);
        assertThat(PlaylistWriter.minimumVersion(p)).isEqualTo(6);
    }

    @Test
    void ffmpegSingleFileRangesAreContiguous() {
        MediaPlaylist p = (MediaPlaylist) Playlist.parse(new String(Fixtures.bytes("hls/single.m3u8"), java.nio.charset.StandardCharsets.UTF_8));
        long next = 0;
        for (MediaSegment s : p.segments()) {
            assertThat(s.byteRangeOffset()).isEqualTo(next);
            next += s.byteRangeLength();
        }
        assertThat(PlaylistWriter.minimumVersion(p)).isEqualTo(4);
    }

    @Test
    void ffmpegMultivariantPlaylistWithAudioGroup() {
        byte[] bytes = Fixtures.bytes("hls/multi.m3u8");
        MultivariantPlaylist p = (MultivariantPlaylist) PlaylistParser.strict().parse(bytes).playlist();
        assertThat(p.variants()).extracting(Variant::uri).containsExactly("v0.m3u8", "v1.m3u8");
        StreamInf v0 = p.variants().get(0).streamInf();
        assertThat(v0.bandwidth()).isEqualTo(255200);
        assertThat(v0.resolution()).isEqualTo(new Resolution(160, 120));
        assertThat(v0.codecs()).isEqualTo("avc1.42c00d,mp4a.40.2");
        assertThat(v0.audio()).isEqualTo("group_aud");
        assertThat(p.variants().get(1).streamInf().resolution()).isEqualTo(new Resolution(96, 72));
        Media audio = p.renditions().get(0);
        assertThat(audio.type()).isEqualTo("AUDIO");
        assertThat(audio.groupId()).isEqualTo("group_aud");
        assertThat(audio.uri()).isEqualTo("vaudio.m3u8");
        assertThat(audio.isDefault()).isTrue();
        // ffmpeg leaves blank lines after each variant: the canonical form drops them (§4.1 ignores them)
        String canonical = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replaceAll("\n\n+", "\n");
        assertThat(p.write()).isEqualTo(canonical);
    }
}

package io.streamwire.hls;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.testkit.ExternalTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live ffmpeg (interop profile only): ffmpeg writes HLS with real segments, we parse its playlist
 * strictly, write it back and rebuild it with the live builder, and ffmpeg must read both of ours
 * with no error and every packet of every segment.
 */
@Tag("interop")
class PlaylistInteropTest {

    static List<String> encode(Path ffmpeg, Path dir, String kind) {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-v", "error", "-nostdin", "-y",
                "-f", "lavfi", "-i", "testsrc=size=160x120:rate=25:duration=7", "-f", "lavfi", "-i", "sine=duration=7",
                "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-sc_threshold", "0", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "32k", "-ac", "1", "-f", "hls", "-hls_time", "2", "-hls_list_size", "0",
                "-hls_playlist_type", "vod"));
        switch (kind) {
            case "fmp4":
                cmd.addAll(List.of("-hls_segment_type", "fmp4", "-hls_fmp4_init_filename", "init.mp4"));
                break;
            case "single":
                cmd.addAll(List.of("-hls_flags", "single_file"));
                break;
            default:
                break;
        }
        cmd.add(dir.resolve("ffmpeg.m3u8").toString());
        ExternalTools.run(120, cmd).requireSuccess(cmd);
        return cmd;
    }

    /** ffmpeg reads {@code playlist}: no error output, and the packet count ffprobe sees. */
    static int readAll(Path ffmpeg, Path ffprobe, Path playlist) {
        List<String> cmd = List.of(ffmpeg.toString(), "-hide_banner", "-v", "error", "-nostdin", "-i", playlist.toString(),
                "-c", "copy", "-f", "null", "-");
        ExternalTools.Result r = ExternalTools.run(120, cmd).requireSuccess(cmd);
        assertThat(r.stderr()).as("ffmpeg errors reading " + playlist.getFileName()).isEmpty();
        List<String> probe = List.of(ffprobe.toString(), "-v", "error", "-show_entries", "packet=stream_index", "-of", "csv=p=0",
                playlist.toString());
        return (int) ExternalTools.run(120, probe).requireSuccess(probe).stdout().lines().count();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ts", "fmp4", "single"})
    void ffmpegReadsOurWriterAndLiveBuilderOutput(String kind, @TempDir Path dir) throws IOException {
        Path ffmpeg = ExternalTools.require("ffmpeg", "ffmpeg");
        Path ffprobe = ExternalTools.require("ffprobe", "ffmpeg");
        encode(ffmpeg, dir, kind);
        byte[] original = Files.readAllBytes(dir.resolve("ffmpeg.m3u8"));
        MediaPlaylist parsed = (MediaPlaylist) PlaylistParser.strict().parse(original).playlist();
        assertThat(parsed.segments()).hasSize(4);
        int packets = readAll(ffmpeg, ffprobe, dir.resolve("ffmpeg.m3u8"));
        assertThat(packets).as("7 s of 25 fps video and 48 kHz AAC").isGreaterThan(450);

        Path written = dir.resolve("written.m3u8");
        Files.write(written, PlaylistWriter.toBytes(PlaylistWriter.withMinimumVersion(parsed)));
        assertThat(readAll(ffmpeg, ffprobe, written)).as("our writer's playlist").isEqualTo(packets);

        LivePlaylistBuilder.Options options = LivePlaylistBuilder.builder(parsed.targetDuration());
        MediaSegment first = parsed.segments().get(0);
        if (first.map() != null) {
            options.map(first.map().uri());
        }
        LivePlaylistBuilder live = options.build();
        for (MediaSegment s : parsed.segments()) {
            if (s.hasByteRange()) {
                live.tag(new ByteRange(s.byteRangeLength(), s.byteRangeOffset()));
            }
            live.addSegment(s.uri(), s.durationSeconds());
        }
        live.finish();
        Path built = dir.resolve("live.m3u8");
        Files.writeString(built, live.playlist().write(), StandardCharsets.UTF_8);
        assertThat(PlaylistValidator.validate(Playlist.parse(Files.readString(built)))).isEmpty();
        assertThat(readAll(ffmpeg, ffprobe, built)).as("our live builder's playlist").isEqualTo(packets);
    }
}

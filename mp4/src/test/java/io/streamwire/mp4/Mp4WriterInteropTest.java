package io.streamwire.mp4;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.testkit.ExternalTools;
import io.streamwire.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ffmpeg and ffprobe read what {@link Mp4Recorder} (progressive, and its faststart copy) and
 * {@link InitSegment} with {@link FragmentWriter} (CMAF) write from the
 * avc-aac fixture's elementary streams: decoding prints nothing at {@code -v error}, ffprobe's
 * packets (per stream: pts, dts, size, key flag) equal its packets of ffmpeg's own avc-aac.mp4, and
 * {@code -f framemd5} (every decoded frame, with {@code -copyts} so that the two files' start times,
 * which differ by the audio priming below, do not shift the frame times) equals the source's for video.
 *
 * <p>Audio durations: the source is a progressive file whose edit list has a known duration, from
 * which ffmpeg marks the AAC priming packet "discard" and trims the last packet to 136 ticks; in a
 * fragmented file the edit list has no duration (live), and ffmpeg reads its own fMP4 output
 * (fixtures/mp4/hls) the same way as ours: duration N/A on the first packet, 1024 on the last.
 */
@Tag("interop")
class Mp4WriterInteropTest {

    static List<String> run(List<String> cmd) {
        ExternalTools.Result r = ExternalTools.run(120, cmd).requireSuccess(cmd);
        assertThat(r.stderr()).as("stderr of %s", cmd).isEmpty();
        return r.stdout().lines().toList();
    }

    /** ffprobe's packets of {@code file} per stream, without the byte position. */
    static List<String> packets(Path file, int stream) {
        Path ffprobe = ExternalTools.require("ffprobe", "ffmpeg");
        return run(List.of(ffprobe.toString(), "-v", "error", "-select_streams", String.valueOf(stream), "-show_entries",
                "packet=pts,dts,size,flags", "-of", "csv=p=0", file.toString()))
                .stream().filter(l -> !l.isBlank()).map(l -> {
                    String[] f = l.split(",", -1); // pts, dts, size, flags (a side-data column may follow)
                    return f[0] + "," + f[1] + "," + f[2] + "," + (f[3].startsWith("K") ? "K" : "_");
                }).toList();
    }

    @Test
    void ffmpegReadsOurRecordingsLikeItsOwnMp4(@TempDir Path dir) throws IOException {
        Path ffmpeg = ExternalTools.require("ffmpeg", "ffmpeg");
        Path source = Fixtures.copyTo(Mp4TestSamples.SOURCE, dir);
        for (boolean faststart : new boolean[] {false, true}) {
            Path ours = dir.resolve(faststart ? "recording-faststart.mp4" : "recording.mp4");
            Files.write(ours, Mp4RecorderTest.record(Mp4TestSamples.samples(), faststart));
            run(List.of(ffmpeg.toString(), "-v", "error", "-i", ours.toString(), "-f", "null", "-"));
            for (int stream = 0; stream < 2; stream++) {
                assertThat(packets(ours, stream)).as("stream %d", stream).isEqualTo(packets(source, stream)).isNotEmpty();
            }
            for (String map : List.of("0:v", "0:a")) {
                List<String> md5Ours = run(List.of(ffmpeg.toString(), "-v", "error", "-i", ours.toString(), "-map", map, "-f", "framemd5", "-"));
                List<String> md5Source = run(List.of(ffmpeg.toString(), "-v", "error", "-i", source.toString(), "-map", map, "-f", "framemd5", "-"));
                assertThat(md5Ours).as("framemd5 of %s in %s", map, ours).isEqualTo(md5Source).hasSizeGreaterThan(50);
            }
        }
    }

    @Test
    void ffmpegReadsOurCmafLikeItsOwnMp4(@TempDir Path dir) throws IOException {
        Path ffmpeg = ExternalTools.require("ffmpeg", "ffmpeg");
        Path ours = dir.resolve("init+segments.mp4");
        Files.write(ours, FragmentWriterTest.cmafFile(Mp4TestSamples.samples()));
        Path source = Fixtures.copyTo(Mp4TestSamples.SOURCE, dir);

        run(List.of(ffmpeg.toString(), "-v", "error", "-i", ours.toString(), "-f", "null", "-"));
        for (int stream = 0; stream < 2; stream++) {
            assertThat(packets(ours, stream)).as("stream %d", stream).isEqualTo(packets(source, stream)).isNotEmpty();
        }
        List<String> md5Ours = run(List.of(ffmpeg.toString(), "-v", "error", "-copyts", "-i", ours.toString(), "-map", "0:v", "-f", "framemd5", "-"));
        List<String> md5Source = run(List.of(ffmpeg.toString(), "-v", "error", "-copyts", "-i", source.toString(), "-map", "0:v", "-f", "framemd5", "-"));
        assertThat(md5Ours).isEqualTo(md5Source).hasSizeGreaterThan(50);
    }
}

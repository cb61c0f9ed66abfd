package io.streamwire.mp4;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.testkit.ExternalTools;
import io.streamwire.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ffmpeg reads what {@link CmafSegmenter} makes of the avc-aac fixture's H.264 and AAC samples (1 s
 * segments, 200 ms parts): each segment with the init segment alone and all segments concatenated
 * decode with no message at {@code -v error}; the concatenation's packets (pts, dts, size, key) and
 * video {@code -f framemd5} equal ffmpeg's own avc-aac.mp4; an fMP4 LL-HLS media playlist
 * (RFC 8216bis-16: EXT-X-MAP, EXTINF, EXT-X-PART with INDEPENDENT=YES on the parts that start with
 * a keyframe) is read by ffprobe with the same packets.
 */
@Tag("interop")
class CmafSegmenterInteropTest {

    @Test
    void ffmpegReadsSegmentsAndTheLlHlsPlaylist(@TempDir Path dir) throws IOException {
        Path ffmpeg = ExternalTools.require("ffmpeg", "ffmpeg");
        Path ffprobe = ExternalTools.require("ffprobe", "ffmpeg");
        List<Mp4TestSamples.Sample> samples = Mp4TestSamples.samples();
        List<CmafTrack> tracks = Mp4TestSamples.tracks(samples);
        List<SegmenterRun.Part> parts = SegmenterRun.run(tracks, CmafSegmenterTest.TARGETS,
                SegmenterRun.fixtureSamples(samples, true));
        byte[] init = InitSegment.toByteArray(tracks);
        Files.write(dir.resolve("init.mp4"), init);
        List<byte[]> segments = SegmenterRun.segments(parts);
        assertThat(segments).hasSizeGreaterThan(1);
        Path joined = dir.resolve("joined.mp4");
        Files.write(joined, init);
        for (int i = 0; i < segments.size(); i++) {
            Path alone = dir.resolve("init+seg" + i + ".mp4");
            Files.write(alone, init);
            Files.write(alone, segments.get(i), java.nio.file.StandardOpenOption.APPEND);
            Mp4WriterInteropTest.run(List.of(ffmpeg.toString(), "-v", "error", "-i", alone.toString(), "-f", "null", "-"));
            Files.write(joined, segments.get(i), java.nio.file.StandardOpenOption.APPEND);
        }
        Mp4WriterInteropTest.run(List.of(ffmpeg.toString(), "-v", "error", "-i", joined.toString(), "-f", "null", "-"));
        Path source = Fixtures.copyTo(Mp4TestSamples.SOURCE, dir);
        for (int stream = 0; stream < 2; stream++) {
            assertThat(Mp4WriterInteropTest.packets(joined, stream)).as("stream %d", stream)
                    .isEqualTo(Mp4WriterInteropTest.packets(source, stream)).isNotEmpty();
        }
        List<String> md5Ours = Mp4WriterInteropTest.run(List.of(ffmpeg.toString(), "-v", "error", "-copyts", "-i", joined.toString(),
                "-map", "0:v", "-f", "framemd5", "-"));
        List<String> md5Source = Mp4WriterInteropTest.run(List.of(ffmpeg.toString(), "-v", "error", "-copyts", "-i",
                source.toString(), "-map", "0:v", "-f", "framemd5", "-"));
        assertThat(md5Ours).isEqualTo(md5Source).hasSizeGreaterThan(45);

        Path playlist = dir.resolve("index.m3u8");
        Files.write(playlist, playlist(parts, dir));
        assertThat(Files.readString(playlist)).contains("INDEPENDENT=YES").contains("#EXT-X-MAP:URI=\"init.mp4\"");
        // ffprobe's packets through the playlist (hls demuxer) equal those of the joined file, order included
        List<String> cmd = List.of(ffprobe.toString(), "-v", "error", "-show_entries", "packet=stream_index,pts,dts,size,flags",
                "-of", "csv=p=0", playlist.toString());
        List<String> viaPlaylist = Mp4WriterInteropTest.run(cmd);
        List<String> direct = Mp4WriterInteropTest.run(List.of(ffprobe.toString(), "-v", "error", "-show_entries",
                "packet=stream_index,pts,dts,size,flags", "-of", "csv=p=0", joined.toString()));
        assertThat(viaPlaylist).hasSize(samples.size()).isEqualTo(direct);
    }

    /** An LL-HLS fMP4 media playlist (RFC 8216bis-16 §4.4.4.9 EXT-X-PART, §4.4.4.5 EXT-X-MAP), parts and segments as files. */
    static List<String> playlist(List<SegmenterRun.Part> parts, Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> body = new ArrayList<>();
        int segment = -1;
        int part = 0;
        double segmentSeconds = 0;
        double longest = 0;
        double longestPart = 0;
        java.io.ByteArrayOutputStream segmentBytes = new java.io.ByteArrayOutputStream();
        double timescale = Mp4TestSamples.VIDEO_TIMESCALE;
        for (int i = 0; i <= parts.size(); i++) {
            if (i == parts.size() || parts.get(i).startsSegment()) {
                if (segment >= 0) {
                    Files.write(dir.resolve("seg" + segment + ".m4s"), segmentBytes.toByteArray());
                    body.add(String.format(Locale.ROOT, "#EXTINF:%.5f,", segmentSeconds));
                    body.add("seg" + segment + ".m4s");
                    longest = Math.max(longest, segmentSeconds);
                }
                if (i == parts.size()) {
                    break;
                }
                segment++;
                part = 0;
                segmentSeconds = 0;
                segmentBytes.reset();
            }
            SegmenterRun.Part p = parts.get(i);
            String name = "seg" + segment + ".part" + part++ + ".m4s";
            Files.write(dir.resolve(name), p.bytes());
            segmentBytes.writeBytes(p.bytes());
            double seconds = p.duration() / timescale;
            segmentSeconds += seconds;
            longestPart = Math.max(longestPart, seconds);
            body.add(String.format(Locale.ROOT, "#EXT-X-PART:DURATION=%.5f,URI=\"%s\"%s", seconds, name,
                    p.independent() ? ",INDEPENDENT=YES" : ""));
        }
        lines.add("#EXTM3U");
        lines.add("#EXT-X-VERSION:9");
        lines.add("#EXT-X-TARGETDURATION:" + Math.round(Math.ceil(longest)));
        lines.add(String.format(Locale.ROOT, "#EXT-X-PART-INF:PART-TARGET=%.3f", longestPart));
        lines.add("#EXT-X-MEDIA-SEQUENCE:0");
        lines.add("#EXT-X-INDEPENDENT-SEGMENTS");
        lines.add("#EXT-X-MAP:URI=\"init.mp4\"");
        lines.addAll(body);
        lines.add("#EXT-X-ENDLIST");
        return lines;
    }
}

package io.streamwire.mp4;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.testkit.ExternalTools;
import io.streamwire.testkit.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writers proven on HEVC (libx265 through ffmpeg 5.1: mp4/hevc.mp4, and the h265-bitstream
 * module's libx265 fixtures with B-pyramids and HDR10), AV1 and Opus (libaom and libopus through
 * ffmpeg 7.0.2: mp4/av1-opus.mp4): the source's samples, read with {@link Mp4FileReader}, are
 * written again with our init segment and {@link CmafSegmenter} (1 s segments, 250 ms parts) and with
 * {@link Mp4Recorder} (with and without faststart), each track keeping the source's sample entry
 * ({@code hvcC}, {@code av1C}, {@code dOps}) and presentation offset. ffmpeg decodes each CMAF
 * segment with the init alone and every output whole with no message at {@code -v error};
 * ffprobe's packets (pts, dts, size, key flag per stream) and {@code -f framemd5} per stream equal
 * those of the source.
 */
@Tag("interop")
class Mp4RemuxInteropTest {

    /** The source's tracks (sample entry, timescale, presentation offset) and samples in file order. */
    record Source(List<CmafTrack> tracks, List<Mp4Sample> samples, List<Long> rawOffsets) {
        int trackIndex(Mp4Sample s) {
            for (int i = 0; i < tracks.size(); i++) {
                if (tracks.get(i).trackId() == s.trackId()) {
                    return i;
                }
            }
            throw new AssertionError("no track " + s.trackId());
        }
    }

    static Source read(byte[] file) {
        Mp4FileReader reader = Mp4FileReader.read(ByteBuffer.wrap(file), Mp4Limits.defaults());
        List<CmafTrack> tracks = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        for (TrackInfo t : reader.tracks()) {
            assertThat(t.timeOffset()).as("presentation offset of track %d", t.trackId()).isNotPositive();
            tracks.add(new CmafTrack(t.trackId(), t.handlerType(), t.timescale(), t.sampleEntries().get(0), "und",
                    t.timeOffset() == 0 ? -1 : -t.timeOffset()));
            offsets.add(t.timeOffset());
        }
        return new Source(tracks, reader.samples(), offsets);
    }

    static byte[] cmaf(Source source, List<byte[]> segmentsOut) {
        List<SegmenterRun.In> in = new ArrayList<>();
        for (Mp4Sample s : source.samples()) {
            int t = source.trackIndex(s);
            byte[] payload = new byte[s.size()];
            s.payload().duplicate().get(payload);
            in.add(new SegmenterRun.In(t, payload, s.decodeTime() - source.rawOffsets().get(t),
                    (int) (s.presentationTime() - s.decodeTime()), s.duration(), s.sync()));
        }
        List<SegmenterRun.Part> parts = SegmenterRun.run(source.tracks(),
                SegmentTargets.of(Duration.ofSeconds(1), Duration.ofMillis(250)), in);
        segmentsOut.addAll(SegmenterRun.segments(parts));
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(InitSegment.toByteArray(source.tracks()));
        segmentsOut.forEach(file::writeBytes);
        return file.toByteArray();
    }

    static byte[] record(Source source, boolean faststart) {
        Mp4Recorder recorder = new Mp4Recorder(source.tracks(), Mp4Limits.defaults());
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(64);
        file.write(header.array(), 0, recorder.writeHeader(header));
        for (Mp4Sample s : source.samples()) {
            recorder.addSample(source.trackIndex(s), s.size(), (int) (s.presentationTime() - s.decodeTime()), s.duration(), s.sync());
            byte[] payload = new byte[s.size()];
            s.payload().duplicate().get(payload);
            file.writeBytes(payload);
        }
        byte[] media = file.toByteArray();
        ByteBuffer mdatHeader = ByteBuffer.allocate(16);
        recorder.writeMdatHeader(mdatHeader);
        System.arraycopy(mdatHeader.array(), 0, media, (int) recorder.mdatHeaderOffset(), 16);
        ByteBuffer moov = ByteBuffer.allocate(1 << 20);
        file.reset();
        if (faststart) {
            recorder.writeFaststartMoov(moov);
            int ftyp = (int) recorder.mdatHeaderOffset();
            file.write(media, 0, ftyp);
            file.write(moov.array(), 0, moov.position());
            file.write(media, ftyp, media.length - ftyp);
        } else {
            recorder.writeMoov(moov);
            file.writeBytes(media);
            file.write(moov.array(), 0, moov.position());
        }
        return file.toByteArray();
    }

    static byte[] fixture(String name) throws IOException {
        if (name.startsWith("h265/")) { // the h265-bitstream module's libx265 fixtures, read from the source tree
            return Files.readAllBytes(Path.of("..", "h265-bitstream", "src", "test", "resources", "fixtures", name));
        }
        return Fixtures.bytes(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp4/hevc.mp4", "h265/bframes-pyramid.mp4", "h265/hdr10.mp4", "mp4/av1-opus.mp4"})
    void ffmpegReadsOurRemuxLikeTheSource(String name, @TempDir Path dir) throws IOException {
        Path ffmpeg = ExternalTools.require("ffmpeg", "ffmpeg");
        byte[] bytes = fixture(name);
        Path source = dir.resolve("source.mp4");
        Files.write(source, bytes);
        Source s = read(bytes);
        List<byte[]> segments = new ArrayList<>();
        byte[] init = InitSegment.toByteArray(s.tracks());
        Path cmaf = dir.resolve("cmaf.mp4");
        Files.write(cmaf, cmaf(s, segments));
        assertThat(segments).hasSizeGreaterThan(name.startsWith("mp4/") ? 1 : 0); // the h265 fixtures are one GOP
        for (int i = 0; i < segments.size(); i++) {
            Path alone = dir.resolve("init+seg" + i + ".mp4");
            Files.write(alone, init);
            Files.write(alone, segments.get(i), java.nio.file.StandardOpenOption.APPEND);
            Mp4WriterInteropTest.run(List.of(ffmpeg.toString(), "-v", "error", "-i", alone.toString(), "-f", "null", "-"));
        }
        Path recording = dir.resolve("recording.mp4");
        Files.write(recording, record(s, false));
        Path faststart = dir.resolve("faststart.mp4");
        Files.write(faststart, record(s, true));
        for (Path ours : List.of(cmaf, recording, faststart)) {
            Mp4WriterInteropTest.run(List.of(ffmpeg.toString(), "-v", "error", "-i", ours.toString(), "-f", "null", "-"));
            for (int stream = 0; stream < s.tracks().size(); stream++) {
                assertThat(Mp4WriterInteropTest.packets(ours, stream)).as("%s stream %d", ours.getFileName(), stream)
                        .isEqualTo(Mp4WriterInteropTest.packets(source, stream)).isNotEmpty();
                List<String> md5Ours = Mp4WriterInteropTest.run(List.of(ffmpeg.toString(), "-v", "error", "-copyts", "-i",
                        ours.toString(), "-map", "0:" + stream, "-f", "framemd5", "-"));
                List<String> md5Source = Mp4WriterInteropTest.run(List.of(ffmpeg.toString(), "-v", "error", "-copyts", "-i",
                        source.toString(), "-map", "0:" + stream, "-f", "framemd5", "-"));
                assertThat(md5Ours).as("framemd5 of %s stream %d", ours.getFileName(), stream).isEqualTo(md5Source)
                        .hasSizeGreaterThan(10);
            }
        }
    }
}

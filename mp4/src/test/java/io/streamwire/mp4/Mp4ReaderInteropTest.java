package io.streamwire.mp4;

import io.streamwire.testkit.ExternalTools;
import io.streamwire.testkit.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The readers against the installed ffprobe, live: progressive files through {@link Mp4FileReader},
 * fragmented files and HLS init + segments (joined as a player appends them) through
 * {@link FragmentedMp4Reader}; samples equal ffprobe's packets field by field as in
 * {@link Mp4ReadersFixtureTest}.
 *
 * <p>The peer corpus ({@code shared/corpus}, see its SOURCES.md) holds no ISO BMFF file today (its
 * mp4ff material is Annex B H.264/HEVC only), so there is no corpus test here yet.
 */
@Tag("interop")
class Mp4ReaderInteropTest {

    static List<Mp4Fixtures.Packet> liveFfprobe(Path file) {
        Path ffprobe = ExternalTools.require("ffprobe", "ffmpeg");
        List<String> cmd = List.of(ffprobe.toString(), "-v", "error", "-show_entries",
                "packet=stream_index,pts,dts,duration,size,pos,flags", "-of", "csv=p=0", file.toString());
        return Mp4Fixtures.parsePackets(ExternalTools.run(120, cmd).requireSuccess(cmd).stdout().lines().toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp4/avc-aac.mp4", "mp4/avc-aac-faststart.mp4", "mp4/hevc.mp4", "mp4/av1-opus.mp4"})
    void progressive(String name, @TempDir Path dir) {
        Path file = Fixtures.copyTo(name, dir);
        Mp4FileReader reader = Mp4FileReader.read(ByteBuffer.wrap(Mp4Fixtures.bytes(name)), Mp4Limits.defaults());
        Mp4ReadersFixtureTest.assertSamplesMatch(reader.samples(), reader.tracks(), liveFfprobe(file), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp4/avc-aac-frag.mp4", "mp4/av1-opus-frag.mp4"})
    void fragmented(String name, @TempDir Path dir) {
        Path file = Fixtures.copyTo(name, dir);
        ByteBuffer in = ByteBuffer.wrap(Mp4Fixtures.bytes(name));
        FragmentedMp4Reader reader = new FragmentedMp4Reader(in, Mp4Limits.defaults());
        Mp4ReadersFixtureTest.assertSamplesMatch(reader.readSegment(in, 0), reader.tracks(), liveFfprobe(file), name);
    }

    @Test
    void hlsInitAndSegments(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        byte[] init = Mp4Fixtures.bytes("mp4/hls/init.mp4");
        joined.writeBytes(init);
        FragmentedMp4Reader reader = new FragmentedMp4Reader(ByteBuffer.wrap(init), Mp4Limits.defaults());
        List<Mp4Sample> samples = new ArrayList<>();
        for (String seg : List.of("mp4/hls/seg0.m4s", "mp4/hls/seg1.m4s")) {
            byte[] b = Mp4Fixtures.bytes(seg);
            samples.addAll(reader.readSegment(ByteBuffer.wrap(b), joined.size()));
            joined.writeBytes(b);
        }
        Path file = dir.resolve("joined.mp4");
        Files.write(file, joined.toByteArray());
        Mp4ReadersFixtureTest.assertSamplesMatch(samples, reader.tracks(), liveFfprobe(file), "hls");
    }
}

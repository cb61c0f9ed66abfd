package io.streamwire.mp4;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.core.StreamwireException;
import io.streamwire.testkit.Chunks;
import io.streamwire.testkit.ExternalTools;
import io.streamwire.testkit.Fixtures;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The test vectors of Eyevinn/mp4ff v0.56.0 (fixtures/mp4ff, see its README): every file parses
 * (one-shot, and pushed whole, byte by byte and in random chunks, split at every point when small)
 * and writes back byte for byte; box trees agree with mp4ff's golden dumps (types and sizes of every
 * box we descend, mfhd sequence numbers, tfhd track IDs, tfdt, trun sample counts, data offsets and
 * sample sizes); fragmented pairs read with {@link FragmentedMp4Reader} give ffprobe's packets (sizes,
 * times, key flags; committed csv, and live in {@link #readersEqualLiveFfprobe}); the truncated init
 * and mp4ff's fuzz regression inputs raise only this module's or core's exceptions.
 */
class Mp4ffVectorsTest {
    static final String DIR = "mp4ff/";
    static final List<String> FILES = List.of("1.m4s", "aac_1.m4s", "aac_init.mp4", "av1_init.mp4", "av1_multitile_seg.m4s",
            "bbb5s_aac_sidx.mp4", "ed_hevc.mp4", "golden_1_frag.m4s", "golden_init_video.mp4", "hvc1_init.mp4", "hvc1_seg_1.m4s",
            "init.mp4", "init_prog.mp4", "init_with_colr.mp4", "interleaved_sidxs_segment.m4s", "minf_with_trailing_avc1_bytes.bin",
            "mvhd_1970.dat", "opus.mp4", "prog_8s.mp4");
    /** Fragmented pairs (init segment, media segment or null for a whole fragmented file) ffprobe reads. */
    static final List<String[]> PAIRS = List.of(new String[] {"init.mp4", "1.m4s"}, new String[] {"init.mp4", "golden_1_frag.m4s"},
            new String[] {"aac_init.mp4", "aac_1.m4s"}, new String[] {"hvc1_init.mp4", "hvc1_seg_1.m4s"},
            new String[] {"av1_init.mp4", "av1_multitile_seg.m4s"}, new String[] {"bbb5s_aac_sidx.mp4", null});
    /** The names of mp4ff's fuzz inputs (fuzz/FuzzDecodeBox-NAME). */
    static final List<String> FUZZ = List.of(
            "0881196294cc083f", "10b83fbad9664344", "1978df2a55d418dc", "1a7b8a4117130cda", "2192fa14d70c6a78", "23703aaa5bfe5cdd",
            "33b1a0aaeced0398", "37ce9d69bfb85def", "38e34af7de35b752", "448cf9199c552c90", "45b2dd77f13e5e3c", "4dec5c0d01da4d63",
            "4e3e98fc202208ff", "50c7bc836349b5bc", "569a7e79736fc41b", "5df1a8539aca8a33", "6041c517bf46e9ee", "678ac42ada4214c3",
            "6a07523ea7a30640", "6bccac380b12a9e3", "75565444c6c2f1dd", "77cf6e30648805ea", "7e07cf8cc85e7f41", "8853315897765b77",
            "941fd151c8ef8610", "95c1a4c24dba32de", "a0334c98879b99dc", "a3bfa798c8c6dfcf", "add26251d86f2fbf", "d803322b7951eb9a",
            "d80db6bbc0c3923b", "d9cf74d8446000e7", "dc68c3d7e3180551", "deeadc758a608dc3", "ee0c416d2cd4b00c", "f35f7ec3a8052c2a",
            "fd5caa1379b365a9");

    static Stream<String> files() {
        return FILES.stream();
    }

    /** Push-decoder events (container starts and ends, whole boxes in hex), as in {@link BoxPropertiesTest}. */
    static List<String> events(List<byte[]> pieces, Chunks.Kind kind) {
        return BoxPropertiesTest.events(pieces, kind);
    }

    @ParameterizedTest
    @MethodSource("files")
    void parsesPushedInAnyChunkingAndWritesBackByteIdentical(String name) {
        byte[] bytes = Fixtures.bytes(DIR + name);
        List<Box> boxes = Boxes.parse(ByteBuffer.wrap(bytes));
        assertThat(Boxes.toByteArray(boxes)).isEqualTo(bytes);
        List<String> whole = events(List.of(bytes), Chunks.Kind.HEAP);
        assertThat(whole).isNotEmpty();
        assertThat(events(Chunks.fixed(bytes, 1), Chunks.Kind.DIRECT)).isEqualTo(whole);
        Random random = new Random(name.hashCode());
        for (int i = 0; i < 10; i++) {
            Chunks.Kind kind = Chunks.Kind.values()[i % Chunks.Kind.values().length];
            assertThat(events(Chunks.random(bytes, random), kind)).isEqualTo(whole);
        }
        if (bytes.length <= 4096) {
            for (Chunks.Split split : Chunks.splits(bytes, name.hashCode())) {
                assertThat(events(split.pieces(), Chunks.Kind.HEAP)).as(split.name()).isEqualTo(whole);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("goldenDumps")
    void boxTreesAgreeWithMp4ffGoldenDumps(String dump, String file) {
        List<GoldenDump.Node> golden = GoldenDump.parse(Fixtures.lines(DIR + dump));
        List<Box> ours = Boxes.parse(ByteBuffer.wrap(Fixtures.bytes(DIR + file)));
        int compared = GoldenDump.compare(golden, ours, "");
        assertThat(compared).isGreaterThan(3);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> goldenDumps() {
        return Stream.of(org.junit.jupiter.params.provider.Arguments.of("golden_1_frag_m4s_dump.txt", "golden_1_frag.m4s"),
                org.junit.jupiter.params.provider.Arguments.of("golden_1_m4s_dump.txt", "1.m4s"),
                org.junit.jupiter.params.provider.Arguments.of("golden_init_prog_mp4_dump.txt", "init_prog.mp4"),
                org.junit.jupiter.params.provider.Arguments.of("golden_init_video_mp4_dump.txt", "golden_init_video.mp4"));
    }

    @Test
    void trunOfTheGoldenTrunDump() {
        // mp4ff's golden_trun_dump.txt: a version 1 trun, flags 0x000f01, one sample (dur 1024, size 4, flags 0x02000000, cto -512)
        TrackRunBox trun = new TrackRunBox(1, 0x000f01, 1, 314159, 0, new int[] {1024}, new int[] {4}, new int[] {0x02000000},
                new int[] {-512});
        List<GoldenDump.Node> golden = GoldenDump.parse(Fixtures.lines(DIR + "golden_trun_dump.txt"));
        assertThat(GoldenDump.compare(golden, Boxes.parse(ByteBuffer.wrap(trun.toByteArray())), "")).isEqualTo(1);
    }

    static byte[] joined(String[] pair) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Fixtures.bytes(DIR + pair[0]));
        if (pair[1] != null) {
            out.writeBytes(Fixtures.bytes(DIR + pair[1]));
        }
        return out.toByteArray();
    }

    static String csvName(String[] pair) {
        return DIR + pair[0] + (pair[1] == null ? "" : "+" + pair[1]) + ".packets.csv";
    }

    /** Our samples as ffprobe's packet lines: stream_index (track order), pts, dts, size, key flag. */
    static List<String> ours(byte[] file) {
        FragmentedMp4Reader reader = new FragmentedMp4Reader(ByteBuffer.wrap(file), Mp4Limits.defaults());
        List<Long> ids = reader.tracks().stream().map(TrackInfo::trackId).toList();
        return FragmentedMp4Reader.readFile(ByteBuffer.wrap(file), Mp4Limits.defaults()).stream()
                .map(s -> ids.indexOf(s.trackId()) + "," + s.presentationTime() + "," + s.decodeTime() + "," + s.size() + ","
                        + (s.sync() ? "K" : "_")).toList();
    }

    static List<String> ffprobe(List<Mp4Fixtures.Packet> packets) {
        return packets.stream().map(p -> p.streamIndex() + "," + p.pts() + "," + p.dts() + "," + p.size() + "," + (p.key() ? "K" : "_"))
                .toList();
    }

    @Test
    void fragmentedPairsGiveFfprobesPackets() {
        for (String[] pair : PAIRS) {
            assertThat(ours(joined(pair))).as(csvName(pair)).isEqualTo(ffprobe(Mp4Fixtures.packets(csvName(pair).replace(".packets.csv", ""))))
                    .isNotEmpty();
        }
    }

    @Test
    @Tag("interop")
    void readersEqualLiveFfprobe(@TempDir Path dir) throws Exception {
        Path ffprobe = ExternalTools.require("ffprobe", "ffmpeg");
        for (String[] pair : PAIRS) {
            Path file = dir.resolve("joined.mp4");
            Files.write(file, joined(pair));
            ExternalTools.Result r = ExternalTools.run(60, List.of(ffprobe.toString(), "-v", "error", "-show_entries",
                    "packet=stream_index,pts,dts,duration,size,pos,flags", "-of", "csv=p=0", file.toString()));
            assertThat(r.stderr()).isEmpty();
            assertThat(ours(joined(pair))).as(csvName(pair)).isEqualTo(ffprobe(Mp4Fixtures.parsePackets(r.stdout().lines().toList())));
        }
    }

    /** mp4ff's fuzz inputs are Go fuzz corpus files: "go test fuzz v1" then a {@code []byte("...")} Go string literal. */
    static byte[] goFuzzInput(String text) {
        String body = text.lines().filter(l -> l.startsWith("[]byte(")).findFirst().orElseThrow();
        return GoldenDump.unquoteGo(body.substring("[]byte(".length(), body.lastIndexOf(')')));
    }

    static List<byte[]> hostile() {
        List<byte[]> out = new ArrayList<>();
        out.add(Fixtures.bytes(DIR + "init_truncated.mp4"));
        for (String f : FUZZ) {
            out.add(goFuzzInput(new String(Fixtures.bytes(DIR + "fuzz/FuzzDecodeBox-" + f), StandardCharsets.UTF_8)));
        }
        return out;
    }

    @Test
    void truncatedInitAndMp4ffFuzzInputsRaiseOnlyModuleExceptions() {
        List<byte[]> inputs = hostile();
        assertThat(inputs).hasSize(1 + FUZZ.size());
        int refused = 0;
        for (byte[] input : inputs) {
            List<Runnable> readers = List.of(() -> Boxes.parse(ByteBuffer.wrap(input)), () -> events(Chunks.fixed(input, 7), Chunks.Kind.HEAP),
                    () -> FragmentedMp4Reader.readFile(ByteBuffer.wrap(input), Mp4Limits.defaults()),
                    () -> Mp4FileReader.read(ByteBuffer.wrap(input), Mp4Limits.defaults()));
            for (Runnable reader : readers) {
                try {
                    reader.run();
                } catch (StreamwireException e) {
                    assertThat(e.module()).isIn("mp4", "core");
                    refused++;
                }
            }
        }
        assertThat(refused).isGreaterThan(inputs.size());
    }
}

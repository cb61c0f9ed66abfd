package io.streamwire.h264;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.testkit.Corpus;
import io.streamwire.testkit.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The peer suites under {@code ../shared/corpus} (interop profile only). */
@Tag("interop")
class CorpusInteropTest {

    /** Parses every parameter set and slice header of a stream; returns the access units. */
    static List<AccessUnit> parseEverything(byte[] stream) {
        ParameterSets sets = new ParameterSets();
        AnnexBScanner s = new AnnexBScanner().reset(ByteBuffer.wrap(stream));
        boolean subset = false;
        while (s.next()) {
            ByteBuffer nal = ByteBuffer.wrap(stream, s.nalStart(), s.nalLength()).slice();
            int type = nal.get(0) & 0x1F;
            if (type == 15) {
                subset = true;
            } else if (type == 8 && subset && sets.sps(AnalyzeInteropTest.peekPpsSpsId(nal)) == null) {
                continue; // PPS of an SVC/MVC layer over a subset SPS
            } else if (type == 7 || type == 8) {
                sets.accept(nal, s.nalStart());
            } else if (type == 1 || type == 5) {
                SliceHeader.parse(nal, sets, s.nalStart());
            } else if (type == 6) {
                SeiMessage.parseAll(nal, H264Limits.defaults(), s.nalStart());
            } else if (type == 9) {
                AccessUnitDelimiter.parse(nal, s.nalStart());
            }
        }
        return AccessUnit.split(ByteBuffer.wrap(stream));
    }

    static Stream<String> openh264Streams() throws IOException {
        try (Stream<Path> files = Files.list(Corpus.resolve("cisco-openh264/res"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("openh264Streams")
    void openh264ConformanceStreamsParseAndGiveOneAccessUnitPerPicture(String name) throws IOException {
        byte[] stream = Files.readAllBytes(Corpus.resolve("cisco-openh264/res/" + name));
        List<AccessUnit> aus = parseEverything(stream);
        Object inventory = Json.parse(Files.readString(Corpus.resolve("INVENTORY.derived.json"), StandardCharsets.UTF_8));
        Map<String, Object> entry = Json.at(inventory, "files", "cisco-openh264/res/" + name);
        int firstMbZero = ((BigDecimal) entry.get("slices_with_first_mb_0")).intValue();
        // the corpus counts pictures as slices with first_mb_in_slice 0; a picture whose first
        // slices were lost (Error_I_P starts at macroblock 264) has none, so count those too
        ParameterSets sets = new ParameterSets();
        AnnexBScanner s = new AnnexBScanner().reset(ByteBuffer.wrap(stream));
        int au = -1;
        int headless = 0;
        int lastAuWithSlice = -1;
        int ausWithPicture = 0;
        boolean subset = false;
        while (s.next()) {
            while (au + 1 < aus.size() && s.nalStart() >= aus.get(au + 1).offset()) {
                au++;
            }
            ByteBuffer nal = ByteBuffer.wrap(stream, s.nalStart(), s.nalLength()).slice();
            int type = nal.get(0) & 0x1F;
            subset |= type == 15;
            if (type == 7 || (type == 8 && !(subset && sets.sps(AnalyzeInteropTest.peekPpsSpsId(nal)) == null))) {
                sets.accept(nal, s.nalStart());
            } else if ((type == 1 || type == 5) && au != lastAuWithSlice) {
                lastAuWithSlice = au;
                ausWithPicture++;
                if (SliceHeader.parse(nal, sets, s.nalStart()).firstMbInSlice() != 0) {
                    headless++;
                }
            }
        }
        assertThat(ausWithPicture).as(name + ": one access unit per picture").isEqualTo(firstMbZero + headless);
        assertThat(aus.size() - ausWithPicture).as(name + ": access units without a base-layer picture").isLessThanOrEqualTo(subset ? 1 : 0);
    }

    @Test
    void jmAllSliceIsOnePictureOf8160Slices() throws IOException {
        byte[] stream = Files.readAllBytes(Corpus.resolve("cisco-openh264/res/jm_1080p_allslice.264"));
        List<AccessUnit> aus = parseEverything(stream);
        assertThat(aus).hasSize(1);
        assertThat(aus.get(0).nalUnitCount()).isEqualTo(8162);
        assertThat(aus.get(0).keyframe()).isTrue();
    }

    @Test
    void crosCodecsInterlacedStream() throws IOException {
        Path dir = Corpus.resolve("chromeos-cros-codecs/src/codec/h264/test_data");
        for (String name : List.of("test-25fps-interlaced.h264", "test-25fps.h264")) {
            byte[] stream = Files.readAllBytes(dir.resolve(name));
            List<AccessUnit> aus = parseEverything(stream);
            long frames = Files.readAllLines(dir.resolve(name + ".md5")).stream().filter(l -> !l.isBlank()).count();
            assertThat(aus).as(name).hasSize((int) frames);
            Sps sps = Sps.parse(SpsTest.nalsOfType(stream, 7).get(0));
            assertThat(sps.widthPixels()).isEqualTo(320);
            assertThat(sps.heightPixels()).isEqualTo(240);
            assertThat(sps.frameMbsOnlyFlag()).isEqualTo(!name.contains("interlaced"));
        }
        Object json = Json.parse(Files.readString(dir.resolve("test-25fps.h264.json"), StandardCharsets.UTF_8));
        assertThat(((BigDecimal) Json.at(json, "num_frames")).intValue()).isEqualTo(250);
    }

    /** mp4ff's NAL lister golden output: "Sample n, ...: AUD_9 (2B), SPS_7 (36B), ..." per access unit. */
    @Test
    void mp4ffGoldenNalListsAndSei() throws IOException {
        Path dir = Corpus.resolve("eyevinn-mp4ff/cmd/mp4ff-nallister/testdata");
        byte[] stream = Files.readAllBytes(dir.resolve("4pics.264"));
        List<String> golden = Files.readAllLines(dir.resolve("golden_4pic_sei_264.txt"));
        List<AccessUnit> aus = parseEverything(stream);
        List<String> samples = golden.stream().filter(l -> l.startsWith("Sample ")).toList();
        assertThat(aus).hasSameSizeAs(samples);
        Pattern nalPattern = Pattern.compile("([A-Za-z]+)_(\\d+)(?: \\[[A-Z]\\])? \\((\\d+)B\\)");
        ParameterSets sets = new ParameterSets();
        int sei = 0;
        for (int i = 0; i < aus.size(); i++) {
            AccessUnit au = aus.get(i);
            List<ByteBuffer> nals = new ArrayList<>();
            AnnexBScanner scanner = new AnnexBScanner().reset(ByteBuffer.wrap(stream));
            while (scanner.next()) {
                if (scanner.nalStart() >= au.offset() && scanner.nalStart() < au.offset() + au.length()) {
                    nals.add(ByteBuffer.wrap(stream, scanner.nalStart(), scanner.nalLength()).slice());
                }
            }
            List<String> theirs = new ArrayList<>();
            List<Integer> theirSizes = new ArrayList<>();
            Matcher m = nalPattern.matcher(samples.get(i).substring(samples.get(i).indexOf("):") + 2));
            while (m.find()) {
                theirs.add(m.group(2));
                theirSizes.add(Integer.parseInt(m.group(3)));
            }
            List<String> ours = new ArrayList<>();
            for (int k = 0; k < nals.size(); k++) {
                ByteBuffer nal = nals.get(k);
                ours.add(String.valueOf(nal.get(nal.position()) & 0x1F));
                sets.accept(nal, 0);
                // mp4ff counts trailing_zero_8bits into the NAL unit; we drop them (§B.2): any
                // difference must be zero bytes right after our NAL unit
                int extra = theirSizes.get(Math.min(k, theirSizes.size() - 1)) - nal.remaining();
                assertThat(extra).as("access unit %d NAL %d size", i, k).isNotNegative();
                int end = nal.arrayOffset() + nal.remaining();
                for (int z = 0; z < extra; z++) {
                    // ... or the file's final, dangling start code 00 00 01, which mp4ff also counts in
                    boolean danglingStartCode = end + z == stream.length - 1 && stream[end + z] == 1;
                    assertThat(stream[end + z] == 0 || danglingStartCode).as("byte %d after NAL unit", z).isTrue();
                }
            }
            assertThat(ours).as("access unit %d", i).isEqualTo(theirs);
            assertThat(au.keyframe()).isEqualTo(i == 0);
        }
        // SEI lines: "* SEIPicTimingType (1), size=15, time=20:39:40:05 offset=0"
        Pattern seiPattern = Pattern.compile("\\* SEI\\w+ \\((\\d+)\\), size=(\\d+)(?:, time=(\\d+):(\\d+):(\\d+):(\\d+))?");
        List<Matcher> expected = golden.stream().map(seiPattern::matcher).filter(Matcher::find).toList();
        List<SeiMessage> messages = new ArrayList<>();
        for (ByteBuffer nal : SpsTest.nalsOfType(stream, 6)) {
            messages.addAll(SeiMessage.parseAll(nal));
        }
        assertThat(messages).hasSameSizeAs(expected);
        for (int i = 0; i < messages.size(); i++) {
            SeiMessage msg = messages.get(i);
            Matcher e = expected.get(i);
            assertThat(msg.payloadType()).isEqualTo(Integer.parseInt(e.group(1)));
            assertThat(msg.payloadSize()).isEqualTo(Integer.parseInt(e.group(2)));
            if (msg.payloadType() == SeiMessage.PIC_TIMING) {
                PicTiming.ClockTimestamp ts = PicTiming.parse(msg, sets.sps(0)).clockTimestamps().get(0);
                assertThat(List.of(ts.hours(), ts.minutes(), ts.seconds(), ts.nFrames())).containsExactly(
                        Integer.parseInt(e.group(3)), Integer.parseInt(e.group(4)), Integer.parseInt(e.group(5)), Integer.parseInt(e.group(6)));
                sei++;
            } else if (msg.payloadType() == SeiMessage.BUFFERING_PERIOD) {
                assertThat(BufferingPeriod.parse(msg, sets).seqParameterSetId()).isZero();
            }
        }
        assertThat(sei).isEqualTo(4);
    }

    @Test
    void mp4ffGoldenSpsAndCodecString() throws IOException {
        List<String> golden = Files.readAllLines(Corpus.resolve("eyevinn-mp4ff/cmd/mp4ff-pslister/testdata/golden_annexb_h264.txt"));
        String spsHex = golden.get(0).substring(golden.get(0).indexOf(": ") + 2).trim();
        byte[] nal = HexFormat.of().parseHex(spsHex);
        Sps sps = Sps.parse(ByteBuffer.wrap(nal));
        String codecs = golden.stream().filter(l -> l.startsWith("Codecs parameter")).findFirst().orElseThrow();
        assertThat(codecs).endsWith(sps.codecString());
        assertThat(sps.toNal(nal[0] >>> 5 & 3)).isEqualTo(nal);
    }
}

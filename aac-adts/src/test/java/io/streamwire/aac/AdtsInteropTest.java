package io.streamwire.aac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.Anomaly;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.testkit.Corpus;
import io.streamwire.testkit.ExternalTools;
import io.streamwire.testkit.Fixtures;
import io.streamwire.testkit.Json;
import java.io.ByteArrayOutputStream;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live checks against ffmpeg/ffprobe and the peer suites in the corpus (interop profile only). */
@Tag("interop")
class AdtsInteropTest {

    static List<String> run(List<String> cmd) {
        return ExternalTools.run(120, cmd).requireSuccess(cmd).stdout().lines().toList();
    }

    @Test
    void liveFfprobeAgreesFrameByFrame(@TempDir Path dir) {
        Path ffprobe = ExternalTools.require("ffprobe", "ffmpeg");
        for (String name : AdtsFixtureTest.FIXTURES) {
            Path file = Fixtures.copyTo("adts/" + name, dir);
            List<String> packets = run(List.of(ffprobe.toString(), "-v", "error", "-show_entries",
                    "packet=pts,dts,duration,size,pos,flags", "-of", "csv=p=0", file.toString()));
            List<String> stream = run(List.of(ffprobe.toString(), "-v", "error", "-show_entries",
                    "stream=codec_name,profile,sample_rate,channels", "-of", "default=noprint_wrappers=0", file.toString()));
            String timeBase = run(List.of(ffprobe.toString(), "-v", "error", "-select_streams", "a:0", "-show_entries",
                    "stream=time_base", "-of", "csv=p=0", file.toString())).get(0).trim();
            AdtsFixtureTest.assertMatchesFfprobe(Fixtures.bytes("adts/" + name), packets, stream,
                    Long.parseLong(timeBase.substring(2)));
        }
    }

    /** ADTS written from (ASC, raw frames) decodes in ffmpeg without error, with the same packet count. */
    @Test
    void ffmpegDecodesAdtsWrittenFromConfigAndRawFrames(@TempDir Path dir) throws IOException {
        Path ffmpeg = ExternalTools.require("ffmpeg", "ffmpeg");
        Path ffprobe = ExternalTools.require("ffprobe", "ffmpeg");
        for (String name : AdtsFixtureTest.FIXTURES) {
            List<AdtsFixtureTest.Frame> frames = AdtsFixtureTest.decode(Fixtures.bytes("adts/" + name), 777);
            AudioSpecificConfig config = AudioSpecificConfig.parse(
                    ByteBuffer.wrap(AacConversions.audioSpecificConfig(frames.get(0).header()).toByteArray()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer header = ByteBuffer.allocate(7);
            for (AdtsFixtureTest.Frame frame : frames) {
                AacConversions.writeAdtsHeader(config, frame.payload().length, header.clear());
                out.write(header.array(), 0, 7);
                out.writeBytes(frame.payload());
            }
            Path written = dir.resolve("written-" + name);
            Files.write(written, out.toByteArray());
            List<String> cmd = List.of(ffmpeg.toString(), "-v", "error", "-nostdin", "-i", written.toString(), "-f", "null", "-");
            ExternalTools.Result result = ExternalTools.run(120, cmd).requireSuccess(cmd);
            assertThat(result.stderr()).as(name).isEmpty();
            long packets = run(List.of(ffprobe.toString(), "-v", "error", "-show_entries", "packet=size", "-of", "csv=p=0",
                    written.toString())).stream().filter(l -> !l.isBlank()).count();
            assertThat(packets).as(name).isEqualTo(frames.size());
        }
    }

    /** Our ADTS → AudioSpecificConfig equals the extradata ffmpeg's aac_adtstoasc puts into MP4. */
    @Test
    void configEqualsFfmpegExtradata(@TempDir Path dir) {
        Path ffmpeg = ExternalTools.require("ffmpeg", "ffmpeg");
        Path ffprobe = ExternalTools.require("ffprobe", "ffmpeg");
        for (String name : AdtsFixtureTest.FIXTURES) {
            Path file = Fixtures.copyTo("adts/" + name, dir);
            Path mp4 = dir.resolve(name + ".m4a");
            run(List.of(ffmpeg.toString(), "-v", "error", "-nostdin", "-y", "-i", file.toString(), "-c", "copy", mp4.toString()));
            List<String> lines = run(List.of(ffprobe.toString(), "-v", "error", "-show_entries", "stream=extradata",
                    "-show_data", mp4.toString()));
            StringBuilder hex = new StringBuilder();
            for (String line : lines) {
                if (line.matches("^[0-9a-f]{8}: .*")) {
                    hex.append(line.substring(10, Math.min(line.length(), 49)).replace(" ", ""));
                }
            }
            AdtsHeader header = AdtsHeader.parse(ByteBuffer.wrap(Fixtures.bytes("adts/" + name)));
            AudioSpecificConfig ours = AacConversions.audioSpecificConfig(header);
            assertThat(HexFormat.of().formatHex(ours.toByteArray())).as(name).isEqualTo(hex.toString());
            assertThat(AudioSpecificConfig.parse(ByteBuffer.wrap(HexFormat.of().parseHex(hex.toString())))).isEqualTo(ours);
        }
    }

    /**
     * channel_configuration 0: ffmpeg's 5.1 fixture rewritten with a PCE leading every raw data block.
     * Our AudioSpecificConfig equals the extradata ffmpeg's aac_adtstoasc builds from the PCE, and
     * ffmpeg decodes the stream without error.
     */
    @Test
    void channelConfigurationZeroConfigEqualsFfmpegExtradata(@TempDir Path dir) throws IOException {
        Path ffmpeg = ExternalTools.require("ffmpeg", "ffmpeg");
        Path ffprobe = ExternalTools.require("ffprobe", "ffmpeg");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (AdtsFixtureTest.Frame frame : AdtsFixtureTest.decode(Fixtures.bytes("adts/sine-48000-5.1.aac"), 4096)) {
            out.writeBytes(AacConversionsTest.channelConfigZeroFrame(AacConversionsTest.PCE_5_1, frame.payload()));
        }
        byte[] stream = out.toByteArray();
        Path file = dir.resolve("pce.aac");
        Files.write(file, stream);
        Path mp4 = dir.resolve("pce.m4a");
        run(List.of(ffmpeg.toString(), "-v", "error", "-nostdin", "-y", "-i", file.toString(), "-c", "copy", mp4.toString()));
        StringBuilder hex = new StringBuilder();
        for (String line : run(List.of(ffprobe.toString(), "-v", "error", "-show_entries", "stream=extradata", "-show_data",
                mp4.toString()))) {
            if (line.matches("^[0-9a-f]{8}: .*")) {
                hex.append(line.substring(10, Math.min(line.length(), 49)).replace(" ", ""));
            }
        }
        AudioSpecificConfig ours = AacConversions.audioSpecificConfig(AdtsFrame.parse(ByteBuffer.wrap(stream)));
        assertThat(HexFormat.of().formatHex(ours.toByteArray())).isEqualTo(hex.toString());
        List<String> cmd = List.of(ffmpeg.toString(), "-v", "error", "-nostdin", "-i", file.toString(), "-f", "null", "-");
        assertThat(ExternalTools.run(120, cmd).requireSuccess(cmd).stderr()).isEmpty();
    }

    /**
     * ffmpeg's quad fixture (channel_configuration 0, the PCE in the first frame only): the config
     * carried through every frame equals the extradata ffmpeg's aac_adtstoasc puts into MP4, and the
     * raw frames we hand out (the first without its PCE, the others unchanged) are the MP4's samples.
     */
    @Test
    void pceInTheFirstFrameOnlyMatchesFfmpegMp4(@TempDir Path dir) throws IOException {
        Path ffmpeg = ExternalTools.require("ffmpeg", "ffmpeg");
        Path ffprobe = ExternalTools.require("ffprobe", "ffmpeg");
        String name = AdtsEncoderQuirksFixtureTest.QUAD;
        Path file = Fixtures.copyTo("adts/" + name, dir);
        Path mp4 = dir.resolve(name + ".m4a");
        run(List.of(ffmpeg.toString(), "-v", "error", "-nostdin", "-y", "-i", file.toString(), "-c", "copy", mp4.toString()));
        StringBuilder hex = new StringBuilder();
        for (String line : run(List.of(ffprobe.toString(), "-v", "error", "-show_entries", "stream=extradata", "-show_data",
                mp4.toString()))) {
            if (line.matches("^[0-9a-f]{8}: .*")) {
                hex.append(line.substring(10, Math.min(line.length(), 49)).replace(" ", ""));
            }
        }
        AudioSpecificConfig[] config = {null};
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        AdtsDecoder decoder = new AdtsDecoder(frame -> {
            AdtsFrame parsed = frame.toFrame();
            config[0] = AacConversions.audioSpecificConfig(parsed, config[0]);
            ByteBuffer block = AacConversions.withoutLeadingPce(parsed);
            byte[] bytes = new byte[block.remaining()];
            block.get(bytes);
            raw.writeBytes(bytes);
        });
        decoder.feed(ByteBuffer.wrap(Files.readAllBytes(file)));
        decoder.endOfInput();
        assertThat(HexFormat.of().formatHex(config[0].toByteArray())).isEqualTo(hex.toString());
        // the MP4's samples back to back, as ffmpeg copied them
        Path samples = dir.resolve(name + ".raw");
        run(List.of(ffmpeg.toString(), "-v", "error", "-nostdin", "-y", "-i", mp4.toString(), "-map", "0:a", "-c", "copy", "-f", "data",
                samples.toString()));
        assertThat(raw.toByteArray()).isEqualTo(Files.readAllBytes(samples));
    }

    @Test
    void comcastGaadBroadcastFrames() throws IOException {
        Path root = Corpus.resolve("comcast-gaad");
        Object expected = Json.parse(Files.readString(root.resolve("expected.json"), StandardCharsets.UTF_8));
        Map<String, Object> vectors = Json.at(expected, "vectors");
        int checked = 0;
        for (Map.Entry<String, Object> vector : vectors.entrySet()) {
            String name = vector.getKey();
            byte[] bytes = Files.readAllBytes(root.resolve(name));
            Map<String, Object> adts = Json.at(vector.getValue(), "adts");
            AdtsHeader header = AdtsHeader.parse(ByteBuffer.wrap(bytes));
            assertThat(header.id()).as(name).isEqualTo(((BigDecimal) adts.get("id")).intValue());
            assertThat(header.samplingFrequencyIndex()).as(name)
                    .isEqualTo(((BigDecimal) adts.get("sampling_frequency_index")).intValue());
            assertThat(header.channelConfiguration()).as(name)
                    .isEqualTo(((BigDecimal) adts.get("channel_configuration")).intValue());
            List<Integer> lengths = new ArrayList<>();
            List<Anomaly<AacAnomalyKind>> anomalies = new ArrayList<>();
            AdtsDecoder decoder = new AdtsDecoder(new AdtsDecoder.Listener() {
                @Override
                public void onFrame(AdtsFrameView frame) {
                    lengths.add(frame.aacFrameLength());
                }

                @Override
                public void onAnomaly(Anomaly<AacAnomalyKind> anomaly) {
                    anomalies.add(anomaly);
                }
            });
            decoder.feed(ByteBuffer.wrap(bytes));
            if (adts.get("frame_length") instanceof BigDecimal length) {
                assertThat(header.aacFrameLength()).as(name).isEqualTo(length.intValue());
                if (length.intValue() <= bytes.length) {
                    decoder.endOfInput();
                    assertThat(lengths).as(name).containsExactly(length.intValue());
                    assertThat(anomalies).isEmpty();
                } else {
                    // A lone truncated frame: nothing confirms it, so it is discarded and reported.
                    decoder.endOfInput();
                    assertThat(lengths).as(name).isEmpty();
                    assertThat(anomalies).containsExactly(new Anomaly<>(AacAnomalyKind.BYTES_DISCARDED, 0, bytes.length + " bytes"));
                }
            } else if (adts.get("frames") instanceof List<?> frames) {
                List<Integer> declared = frames.stream().map(f -> ((BigDecimal) f).intValue()).toList();
                int complete = declared.stream().mapToInt(Integer::intValue).sum();
                if (complete <= bytes.length) {
                    decoder.endOfInput();
                    assertThat(lengths).as(name).isEqualTo(declared);
                } else {
                    // TestEightShortSequence: the capture ends inside the last declared frame (167 of 324 bytes).
                    int last = declared.get(declared.size() - 1);
                    assertThat(lengths).as(name).isEqualTo(declared.subList(0, declared.size() - 1));
                    assertThatThrownBy(decoder::endOfInput).isInstanceOfSatisfying(TruncatedInputException.class,
                            e -> assertThat(e.offset()).isEqualTo(complete - last));
                }
            } else {
                // TestSbrExists: frame 1 complete and confirmed by frame 2's header, frame 2 cut short.
                assertThat(lengths).as(name).containsExactly(512);
                assertThatThrownBy(decoder::endOfInput).isInstanceOfSatisfying(TruncatedInputException.class,
                        e -> assertThat(e.offset()).isEqualTo(512));
            }
            checked++;
        }
        assertThat(checked).isEqualTo(7);
    }

    @Test
    void muxJsPackedAudioSegmentWithId3Timestamp() throws IOException {
        Path root = Corpus.resolve("videojs-mux.js");
        Object expected = Json.parse(Files.readString(root.resolve("expected.json"), StandardCharsets.UTF_8));
        Map<String, Object> expect = Json.at(expected, "files", "test/segments/test-aac-segment.aac", "expect");
        byte[] bytes = Files.readAllBytes(root.resolve("test/segments/test-aac-segment.aac"));
        List<long[]> tags = new ArrayList<>();
        List<long[]> frames = new ArrayList<>();
        long[] privTimestamp = {-1};
        int[] sampleRate = {0};
        AdtsDecoder decoder = new AdtsDecoder(new AdtsDecoder.Listener() {
            @Override
            public void onFrame(AdtsFrameView frame) {
                frames.add(new long[] {frame.streamOffset(), frame.aacFrameLength()});
                sampleRate[0] = frame.sampleRateHz();
            }

            @Override
            public void onId3Tag(ByteBuffer tag, long streamOffset) {
                tags.add(new long[] {streamOffset, tag.remaining()});
                privTimestamp[0] = transportStreamTimestamp(tag);
            }

            @Override
            public void onAnomaly(Anomaly<AacAnomalyKind> anomaly) {
                throw new AssertionError(anomaly.toString());
            }
        });
        for (int at = 0; at < bytes.length; at += 100) {
            decoder.feed(ByteBuffer.wrap(bytes, at, Math.min(100, bytes.length - at)));
        }
        decoder.endOfInput();
        assertThat(tags).hasSize(1);
        assertThat(tags.get(0)).containsExactly(((BigDecimal) expect.get("id3TagOffset")).longValue(),
                ((BigDecimal) expect.get("id3TagSize")).longValue());
        assertThat(privTimestamp[0]).isEqualTo(((BigDecimal) expect.get("transportStreamTimestamp")).longValue());
        assertThat(frames.get(0)).containsExactly(((BigDecimal) expect.get("firstAdtsFrameOffset")).longValue(),
                ((BigDecimal) expect.get("firstAdtsFrameSize")).longValue());
        assertThat(sampleRate[0]).isEqualTo(((BigDecimal) expect.get("sampleRate")).intValue());
        // mux.js's lastPts = 895690 + 430*1024*90000/44100 is where the 430 frames end (the file
        // holds exactly 430 frames after the tag).
        assertThat(frames).hasSize(430);
        AacTiming timing = new AacTiming(1024, sampleRate[0]);
        assertThat(privTimestamp[0] + timing.timestamp(430, 90_000)).isEqualTo(1794302);
    }

    /** The 33-bit timestamp of the PRIV frame owned by com.apple.streaming.transportStreamTimestamp (ID3v2.4). */
    static long transportStreamTimestamp(ByteBuffer tag) {
        String owner = "com.apple.streaming.transportStreamTimestamp";
        int at = tag.position() + 10;
        while (at + 10 <= tag.limit()) {
            String id = new String(new byte[] {tag.get(at), tag.get(at + 1), tag.get(at + 2), tag.get(at + 3)}, StandardCharsets.ISO_8859_1);
            int size = tag.getInt(at + 4);
            if (id.equals("PRIV")) {
                byte[] body = new byte[size];
                tag.get(at + 10, body);
                String text = new String(body, 0, owner.length(), StandardCharsets.ISO_8859_1);
                if (text.equals(owner)) {
                    return ByteBuffer.wrap(body, owner.length() + 1, 8).getLong() & 0x1FFFFFFFFL;
                }
            }
            at += 10 + size;
        }
        return -1;
    }

    @Test
    void fqAdtsAndHeAacConfigDecodeTrees() throws IOException {
        Path root = Corpus.resolve("wader-fq/format/mpeg/testdata");
        // adts: ffmpeg -f lavfi -i sine -ac 2 -t 40ms -f adts; fq shows 3 frames of 340, 363 ... bytes, LC 44.1 kHz stereo.
        byte[] adts = Files.readAllBytes(root.resolve("adts"));
        String tree = Files.readString(root.resolve("adts.fqtest"));
        List<Integer> fqLengths = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("frame_length: (\\d+)").matcher(tree);
        while (m.find()) {
            fqLengths.add(Integer.parseInt(m.group(1)));
        }
        List<Integer> ours = new ArrayList<>();
        AdtsDecoder decoder = new AdtsDecoder(frame -> {
            ours.add(frame.aacFrameLength());
            assertThat(frame.sampleRateHz()).isEqualTo(44100);
            assertThat(frame.channelConfiguration()).isEqualTo(2);
            assertThat(frame.profileObjectType()).isEqualTo(1);
            assertThat(frame.adtsBufferFullness()).isEqualTo(2047);
        });
        decoder.feed(ByteBuffer.wrap(adts));
        decoder.endOfInput();
        assertThat(ours).isNotEmpty().isEqualTo(fqLengths);

        // mpeg_asc-he-aac-hierarchical-signalling: object_type sbr (5), 22050, channels 2, extension 44100, inner aac_lc (2).
        byte[] asc = Files.readAllBytes(root.resolve("mpeg_asc-he-aac-hierarchical-signalling"));
        String ascTree = Files.readString(root.resolve("mpeg_asc-he-aac-hierarchical-signalling.fqtest"));
        assertThat(ascTree).contains("object_type: \"sbr\" (5)", "sampling_frequency: 22050 (7)",
                "channel_configuration: 2", "extension_sampling_frequency: 44100 (4)", "inner_object_type: \"aac_lc\" (2)");
        AudioSpecificConfig config = AudioSpecificConfig.parse(ByteBuffer.wrap(asc));
        assertThat(config.audioObjectType()).isEqualTo(5);
        assertThat(config.sampleRateHz()).isEqualTo(22050);
        assertThat(config.samplingFrequencyIndex()).isEqualTo(7);
        assertThat(config.channelConfiguration()).isEqualTo(2);
        assertThat(config.extensionSamplingFrequencyIndex()).isEqualTo(4);
        assertThat(config.outputSampleRateHz()).isEqualTo(44100);
        assertThat(config.coreAudioObjectType()).isEqualTo(2);
        assertThat(config.codecString()).isEqualTo("mp4a.40.5");
        assertThat(config.toByteArray()).isEqualTo(asc);
    }

    @Test
    void exiftoolAacFile() throws IOException {
        Path root = Corpus.resolve("exiftool/t");
        byte[] bytes = Files.readAllBytes(root.resolve("images/AAC.aac"));
        String out = Files.readString(root.resolve("AAC_2.out"));
        assertThat(out).contains("Profile Type: Low Complexity", "Sample Rate: 44100", "Channels: 2");
        List<AdtsFrame> frames = new ArrayList<>();
        AdtsDecoder decoder = new AdtsDecoder(frame -> frames.add(frame.toFrame()));
        decoder.feed(ByteBuffer.wrap(bytes));
        decoder.endOfInput();
        assertThat(frames).hasSize(1);
        AdtsHeader header = frames.get(0).header();
        assertThat(header.audioObjectType()).isEqualTo(2);
        assertThat(header.sampleRateHz()).isEqualTo(44100);
        assertThat(header.channelConfiguration()).isEqualTo(2);
        assertThat(header.aacFrameLength()).isEqualTo(bytes.length);
        // exiftool reads the encoder from the fill element: "Lavc57.107.100"
        ByteBuffer payload = frames.get(0).rawDataBlocks().get(0);
        byte[] raw = new byte[payload.remaining()];
        payload.duplicate().get(raw);
        assertThat(new String(raw, StandardCharsets.ISO_8859_1)).contains("Lavc57.107.100");
    }
}

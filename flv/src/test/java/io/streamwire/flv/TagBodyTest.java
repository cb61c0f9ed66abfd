package io.streamwire.flv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.StreamwireException;
import io.streamwire.testkit.ByteOrders;
import io.streamwire.testkit.Chunks;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One case table for AUDIODATA, VIDEODATA and the Enhanced RTMP forms: decode, encode, errors. */
class TagBodyTest {
    private static final HexFormat HEX = HexFormat.of();

    static ByteBuffer b(String hex) {
        return ByteBuffer.wrap(HEX.parseHex(hex.replace(" ", "")));
    }

    static String ascii(String s) {
        return HEX.formatHex(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    static Stream<Arguments> audio() {
        return Stream.of(
                Arguments.of("AAC sequence header", "af00 1210", new AudioData(10, 3, 1, 1, 0, b("1210"))),
                Arguments.of("AAC raw", "af01 aabb", new AudioData(10, 3, 1, 1, 1, b("aabb"))),
                Arguments.of("MP3", "2f ff", new AudioData(2, 3, 1, 1, -1, b("ff"))),
                Arguments.of("Speex 16 kHz mono", "b2 01", new AudioData(11, 0, 1, 0, -1, b("01"))),
                Arguments.of("ex SequenceStart mp4a", "90" + ascii("mp4a") + "1190",
                        ExAudioData.of(ExAudioData.SEQUENCE_START, FourCc.MP4A, b("1190"))),
                Arguments.of("ex ModEx TimestampOffsetNano then CodedFrames Opus", "97 02 0f423f 01" + ascii("Opus") + "aa",
                        new ExAudioData(1, List.of(ModEx.timestampOffsetNano(999_999)), -1,
                                List.of(new AudioTrack(FourCc.OPUS, 0, b("aa"))))),
                Arguments.of("ex SequenceEnd ac-3", "92" + ascii("ac-3"), ExAudioData.of(2, FourCc.AC3, b(""))),
                Arguments.of("ex multitrack one track", "95 00" + ascii("Opus") + "01 aabb",
                        new ExAudioData(0, List.of(), 0, List.of(new AudioTrack(FourCc.OPUS, 1, b("aabb"))))),
                Arguments.of("ex multitrack many tracks", "95 11" + ascii(".mp3") + "00 000002 aabb 01 000001 cc",
                        new ExAudioData(1, List.of(), 1, List.of(new AudioTrack(FourCc.MP3, 0, b("aabb")),
                                new AudioTrack(FourCc.MP3, 1, b("cc"))))),
                Arguments.of("ex multitrack many codecs", "95 21" + ascii("Opus") + "00 000001 aa" + ascii("fLaC") + "01 000001 bb",
                        new ExAudioData(1, List.of(), 2, List.of(new AudioTrack(FourCc.OPUS, 0, b("aa")),
                                new AudioTrack(FourCc.FLAC, 1, b("bb"))))),
                Arguments.of("ex multichannel config ec-3", "94" + ascii("ec-3") + "01 02 00000003",
                        ExAudioData.of(4, FourCc.EAC3, b("01 02 00000003"))));
    }

    static Stream<Arguments> video() {
        return Stream.of(
                Arguments.of("AVC sequence header", "17 00 000000 0164001f", VideoData.avc(1, 0, 0, b("0164001f"))),
                Arguments.of("AVC NALU negative CTS", "27 01 ffffd8 00000001 09", VideoData.avc(2, 1, -40, b("00000001 09"))),
                Arguments.of("AVC end of sequence", "17 02 000000", VideoData.avc(1, 2, 0, b(""))),
                // legacy HEVC, CodecID 12 (de facto: SRS, CDN-Union/H265): AVC's AVCPacketType + SI24 CompositionTime
                Arguments.of("HEVC (CodecID 12) sequence header", "1c 00 000000 01016000", VideoData.hevc(1, 0, 0, b("01016000"))),
                Arguments.of("HEVC NALU negative CTS", "2c 01 ffffd8 00000002 0201", VideoData.hevc(2, 1, -40, b("00000002 0201"))),
                Arguments.of("HEVC end of sequence", "1c 02 000000", VideoData.hevc(1, 2, 0, b(""))),
                Arguments.of("HEVC command frame", "5c 00 000000 01", new VideoData(5, VideoData.HEVC, 0, 0, 1, b(""))),
                Arguments.of("HEVC AVCPacketType 3 kept", "1c 03 000000 aa", VideoData.hevc(1, 3, 0, b("aa"))),
                Arguments.of("VP6 key frame", "14 aabb", new VideoData(1, 4, -1, 0, -1, b("aabb"))),
                Arguments.of("H.263 command frame", "52 01", new VideoData(5, 2, -1, 0, 1, b(""))),
                Arguments.of("ex hvc1 CodedFrames with CTS", "91" + ascii("hvc1") + "000028 aabb",
                        ExVideoData.of(1, ExVideoData.CODED_FRAMES, FourCc.HVC1, 40, b("aabb"))),
                Arguments.of("ex av01 CodedFrames (no CTS)", "a1" + ascii("av01") + "aabb",
                        ExVideoData.of(2, ExVideoData.CODED_FRAMES, FourCc.AV01, 0, b("aabb"))),
                Arguments.of("ex hvc1 CodedFramesX", "a3" + ascii("hvc1") + "aabb",
                        ExVideoData.of(2, ExVideoData.CODED_FRAMES_X, FourCc.HVC1, 0, b("aabb"))),
                Arguments.of("ex av01 SequenceStart", "90" + ascii("av01") + "81000c00",
                        ExVideoData.of(1, 0, FourCc.AV01, 0, b("81000c00"))),
                Arguments.of("ex vp09 SequenceEnd", "92" + ascii("vp09"), ExVideoData.of(1, 2, FourCc.VP09, 0, b(""))),
                Arguments.of("ex hvc1 Metadata", "94" + ascii("hvc1") + "02000a636f6c6f72496e666f",
                        ExVideoData.of(1, ExVideoData.METADATA, FourCc.HVC1, 0, b("02000a636f6c6f72496e666f"))),
                Arguments.of("ex vp08 MPEG2TSSequenceStart", "95" + ascii("vp08") + "0102",
                        ExVideoData.of(1, 5, FourCc.VP08, 0, b("0102"))),
                Arguments.of("ex command frame", "d0 01", new ExVideoData(5, 0, List.of(), -1, 1, List.of())),
                Arguments.of("ex ModEx then hvc1 CodedFrames", "97 02 0f423f 01" + ascii("hvc1") + "ffffff aa",
                        new ExVideoData(1, 1, List.of(ModEx.timestampOffsetNano(999_999)), -1, -1,
                                List.of(new VideoTrack(FourCc.HVC1, 0, -1, b("aa"))))),
                Arguments.of("ex ModEx with 16-bit size", "97 ff 0100" + "00".repeat(257) + "13" + ascii("av01") + "aa",
                        new ExVideoData(1, 3, List.of(new ModEx(1, ByteBuffer.allocate(257))), -1, -1,
                                List.of(new VideoTrack(FourCc.AV01, 0, 0, b("aa"))))),
                Arguments.of("ex multitrack one track", "96 00" + ascii("av01") + "02 aabb",
                        new ExVideoData(1, 0, List.of(), 0, -1, List.of(new VideoTrack(FourCc.AV01, 2, 0, b("aabb"))))),
                Arguments.of("ex multitrack many tracks", "96 11" + ascii("hvc1") + "00 000004 000001 aa 01 000003 000002",
                        new ExVideoData(1, 1, List.of(), 1, -1, List.of(new VideoTrack(FourCc.HVC1, 0, 1, b("aa")),
                                new VideoTrack(FourCc.HVC1, 1, 2, b(""))))),
                Arguments.of("ex multitrack many codecs", "96 21" + ascii("avc1") + "00 000005 000000 aabb" + ascii("av01") + "01 000001 cc",
                        new ExVideoData(1, 1, List.of(), 2, -1, List.of(new VideoTrack(FourCc.AVC1, 0, 0, b("aabb")),
                                new VideoTrack(FourCc.AV01, 1, 0, b("cc"))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("audio")
    void audioDecodesAndEncodes(String name, String hex, AudioTagBody expected) {
        roundTrip(hex, expected, AudioTagBody::parse, expected::writeTo, expected.encodedSize());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("video")
    void videoDecodesAndEncodes(String name, String hex, VideoTagBody expected) {
        roundTrip(hex, expected, VideoTagBody::parse, expected::writeTo, expected.encodedSize());
    }

    private static void roundTrip(String hex, Object expected, Function<ByteBuffer, Object> parse,
            java.util.function.Consumer<ByteBuffer> write, int size) {
        byte[] bytes = HEX.parseHex(hex.replace(" ", ""));
        for (Chunks.Kind kind : Chunks.Kind.values()) {
            ByteBuffer in = kind.wrap(bytes);
            assertThat(parse.apply(in)).as(kind.name()).isEqualTo(expected);
            assertThat(in.hasRemaining()).isFalse();
        }
        assertThat(size).isEqualTo(bytes.length);
        assertThat(HEX.formatHex(ByteOrders.writtenInEveryOrder(size, write))).isEqualTo(HEX.formatHex(bytes));
    }

    @org.junit.jupiter.api.Test
    void readingAPayloadDoesNotChangeTheRecord() {
        AudioData a = (AudioData) AudioTagBody.parse(b("af01 aabb"));
        a.data().get(); // moves only the returned view
        assertThat(a.data().remaining()).isEqualTo(2);
        assertThat(a).isEqualTo(new AudioData(10, 3, 1, 1, 1, b("aabb")));
        ExVideoData v = (ExVideoData) VideoTagBody.parse(b("97 02 0f423f 01" + ascii("hvc1") + "ffffff aa"));
        v.modEx().get(0).modExData().get();
        v.track().data().get();
        assertThat(v.timestampOffsetNano()).isEqualTo(999_999);
        assertThat(v.track().data().remaining()).isEqualTo(1);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("empty audio", "", true, "audio SoundFormat", 0),
                Arguments.of("AAC without packet type", "af", true, "audio AACPacketType", 1),
                Arguments.of("ex audio FourCC truncated", "906d70", true, "AudioFourCc", 1),
                Arguments.of("ex audio reserved multitrack type", "95 31 4f707573", true, "AvMultitrackType", 1),
                Arguments.of("ex audio multitrack in multitrack", "95 15", true, "AudioPacketType", 1),
                Arguments.of("ex audio track size past the end", "95 11 4f707573 00 000009 aa", true, "audio track data", 10),
                Arguments.of("ex audio ModEx data past the end", "97 05 0102", true, "modExData", 2),
                Arguments.of("empty video", "", false, "video FrameType", 0),
                Arguments.of("AVC without CTS", "1701", false, "video CompositionTime", 2),
                Arguments.of("HEVC (CodecID 12) without CTS", "1c01 00", false, "video CompositionTime", 2),
                Arguments.of("HEVC (CodecID 12) without AVCPacketType", "2c", false, "video AVCPacketType", 1),
                Arguments.of("ex video FourCC truncated", "91 6876", false, "VideoFourCc", 1),
                Arguments.of("ex video CTS truncated", "91 68766331 00", false, "CompositionTime", 5),
                Arguments.of("ex video reserved multitrack type", "96 f1", false, "AvMultitrackType", 1),
                Arguments.of("ex video ModEx in multitrack", "96 07", false, "VideoPacketType", 1),
                Arguments.of("ex command frame without command", "d0", false, "videoCommand", 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void rejectsWithOffsetAndField(String name, String hex, boolean audio, String field, int offset) {
        byte[] bytes = HEX.parseHex(hex.replace(" ", ""));
        ByteBuffer in = ByteBuffer.wrap(bytes);
        assertThatThrownBy(() -> {
            if (audio) {
                AudioTagBody.parse(in);
            } else {
                VideoTagBody.parse(in);
            }
        }).isInstanceOfSatisfying(StreamwireException.class, e -> {
            assertThat(e.module()).isEqualTo("flv");
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.offset()).isEqualTo(offset);
        });
        assertThat(in.position()).isZero();
    }
}

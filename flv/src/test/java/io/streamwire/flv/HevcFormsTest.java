package io.streamwire.flv;

import static io.streamwire.flv.TagBodyTest.ascii;
import static io.streamwire.flv.TagBodyTest.b;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.flv.FlvWriter.HevcForm;
import io.streamwire.testkit.ByteOrders;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HEVC as Enhanced RTMP {@code hvc1} and as legacy CodecID 12: one case table of the same frames in
 * both forms (byte layouts from Enhanced RTMP v2 "Enhanced Video" and Adobe FLV v10.1 §E.4.3.1 with
 * CodecID 12 laid out as AVC), decoded, encoded and converted both ways.
 */
class HevcFormsTest {
    private static final HexFormat HEX = HexFormat.of();
    /** A length-prefixed IDR_W_RADL NAL unit header (type 19) and one byte. */
    private static final String KEY_NALU = "00000003 2601 af";
    /** A TRAIL_R NAL unit header (type 1) and one byte. */
    private static final String INTER_NALU = "00000003 0201 d0";
    /** The start of an HEVCDecoderConfigurationRecord: configurationVersion 1, Main profile. */
    private static final String HVCC = "01 01 60000000";

    static Stream<Arguments> frames() {
        String hvc1 = ascii("hvc1");
        return Stream.of(
                // name, Enhanced hvc1 bytes, legacy CodecID 12 bytes, FrameType, VideoPacketType, CompositionTime, payload
                Arguments.of("sequence start", "90" + hvc1 + HVCC, "1c 00 000000" + HVCC,
                        VideoTagBody.KEY_FRAME, ExVideoData.SEQUENCE_START, 0, HVCC),
                Arguments.of("key frame, CTS 80 ms", "91" + hvc1 + "000050" + KEY_NALU, "1c 01 000050" + KEY_NALU,
                        VideoTagBody.KEY_FRAME, ExVideoData.CODED_FRAMES, 80, KEY_NALU),
                Arguments.of("inter frame, CTS -40 ms", "a1" + hvc1 + "ffffd8" + INTER_NALU, "2c 01 ffffd8" + INTER_NALU,
                        VideoTagBody.INTER_FRAME, ExVideoData.CODED_FRAMES, -40, INTER_NALU),
                Arguments.of("inter frame, CTS 0", "a1" + hvc1 + "000000" + INTER_NALU, "2c 01 000000" + INTER_NALU,
                        VideoTagBody.INTER_FRAME, ExVideoData.CODED_FRAMES, 0, INTER_NALU),
                Arguments.of("generated key frame", "c1" + hvc1 + "000000" + KEY_NALU, "4c 01 000000" + KEY_NALU,
                        VideoTagBody.GENERATED_KEY_FRAME, ExVideoData.CODED_FRAMES, 0, KEY_NALU),
                Arguments.of("two NAL units, CTS max", "91" + hvc1 + "7fffff" + KEY_NALU + INTER_NALU,
                        "1c 01 7fffff" + KEY_NALU + INTER_NALU, VideoTagBody.KEY_FRAME, ExVideoData.CODED_FRAMES,
                        (1 << 23) - 1, KEY_NALU + INTER_NALU),
                Arguments.of("end of sequence", "92" + hvc1, "1c 02 000000",
                        VideoTagBody.KEY_FRAME, ExVideoData.SEQUENCE_END, 0, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void bothFormsParseToTheSameTrack(String name, String enhanced, String legacy, int frameType, int packetType, int cts,
            String payload) {
        VideoTrack expected = new VideoTrack(FourCc.HVC1, 0, cts, b(payload));
        for (String hex : List.of(enhanced, legacy)) {
            VideoTagBody body = VideoTagBody.parse(b(hex));
            assertThat(body.fourCc()).as(hex).isEqualTo(FourCc.HVC1);
            assertThat(body.frameType()).isEqualTo(frameType);
            assertThat(body.videoPacketType()).isEqualTo(packetType);
            assertThat(body.track()).isEqualTo(expected);
            assertThat(body.isKeyFrame()).isEqualTo(frameType == 1 || frameType == 4);
        }
        assertThat(VideoTagBody.parse(b(legacy))).isEqualTo(
                new VideoData(frameType, VideoData.HEVC, packetType, cts, -1, b(payload)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void writerBuildsEachForm(String name, String enhanced, String legacy, int frameType, int packetType, int cts,
            String payload) {
        VideoTagBody hvc1 = FlvWriter.hevc(frameType, packetType, cts, b(payload));
        VideoTagBody codec12 = FlvWriter.hevc(HevcForm.LEGACY_CODEC_ID_12, frameType, packetType, cts, b(payload));
        assertThat(hvc1).isEqualTo(FlvWriter.hevc(HevcForm.ENHANCED_HVC1, frameType, packetType, cts, b(payload)));
        assertThat(written(hvc1)).isEqualTo(hex(enhanced));
        assertThat(written(codec12)).isEqualTo(hex(legacy));
        // converted both ways, and a body already in the asked form is returned as is
        VideoTagBody parsedEnhanced = VideoTagBody.parse(b(enhanced));
        VideoTagBody parsedLegacy = VideoTagBody.parse(b(legacy));
        assertThat(written(FlvWriter.hevc(HevcForm.LEGACY_CODEC_ID_12, parsedEnhanced))).isEqualTo(hex(legacy));
        assertThat(written(FlvWriter.hevc(HevcForm.ENHANCED_HVC1, parsedLegacy))).isEqualTo(hex(enhanced));
        assertThat(FlvWriter.hevc(HevcForm.ENHANCED_HVC1, parsedEnhanced)).isSameAs(parsedEnhanced);
        assertThat(FlvWriter.hevc(HevcForm.LEGACY_CODEC_ID_12, parsedLegacy)).isSameAs(parsedLegacy);
    }

    @Test
    void codedFramesXBecomesANaluWithCompositionTimeZero() {
        VideoTagBody x = VideoTagBody.parse(b("a3" + ascii("hvc1") + INTER_NALU));
        VideoTagBody legacy = FlvWriter.hevc(HevcForm.LEGACY_CODEC_ID_12, x);
        assertThat(written(legacy)).isEqualTo(hex("2c 01 000000" + INTER_NALU));
        assertThat(legacy.track()).isEqualTo(x.track());
        // back: CodedFrames with CTS 0 (the legacy form cannot tell which the sender used)
        assertThat(written(FlvWriter.hevc(HevcForm.ENHANCED_HVC1, legacy))).isEqualTo(hex("a1" + ascii("hvc1") + "000000" + INTER_NALU));
        assertThat(written(FlvWriter.hevc(2, ExVideoData.CODED_FRAMES_X, 0, b(INTER_NALU))))
                .isEqualTo(hex("a3" + ascii("hvc1") + INTER_NALU));
    }

    @Test
    void avcHasTheSameUnifiedViewInBothForms() {
        VideoTagBody legacy = VideoTagBody.parse(b("27 01 000028" + INTER_NALU));
        VideoTagBody enhanced = VideoTagBody.parse(b("a1" + ascii("avc1") + "000028" + INTER_NALU));
        assertThat(legacy.fourCc()).isEqualTo(FourCc.AVC1);
        assertThat(legacy.videoPacketType()).isEqualTo(enhanced.videoPacketType()).isEqualTo(ExVideoData.CODED_FRAMES);
        assertThat(legacy.track()).isEqualTo(enhanced.track()).isEqualTo(new VideoTrack(FourCc.AVC1, 0, 40, b(INTER_NALU)));
        // Enhanced RTMP carries no CTS on a sequence start; the legacy one's is not handed out there
        assertThat(VideoTagBody.parse(b("17 00 000028 0164")).track()).isEqualTo(new VideoTrack(FourCc.AVC1, 0, 0, b("0164")));
    }

    static Stream<Arguments> withoutTrack() {
        return Stream.of(
                // name, hex, fourCc, videoPacketType
                Arguments.of("VP6 key frame", "14 aabb", null, ExVideoData.CODED_FRAMES),
                Arguments.of("H.263 command frame", "52 01", null, -1),
                Arguments.of("HEVC command frame", "5c 00 000000 01", FourCc.HVC1, -1),
                Arguments.of("AVC command frame", "57 01 000000 00", FourCc.AVC1, -1),
                Arguments.of("HEVC AVCPacketType 3", "1c 03 000000 aa", FourCc.HVC1, -1),
                Arguments.of("Enhanced command frame", "d0 01", null, ExVideoData.SEQUENCE_START));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withoutTrack")
    void bodiesWithoutATrack(String name, String hex, FourCc fourCc, int packetType) {
        VideoTagBody body = VideoTagBody.parse(b(hex));
        assertThat(body.track()).isNull();
        assertThat(body.fourCc()).isEqualTo(fourCc);
        assertThat(body.videoPacketType()).isEqualTo(packetType);
        assertThatThrownBy(() -> FlvWriter.hevc(HevcForm.ENHANCED_HVC1, body)).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> notConvertible() {
        String hvc1 = ascii("hvc1");
        return Stream.of(
                Arguments.of("AVC", "17 01 000000" + KEY_NALU),
                Arguments.of("av01", "91" + ascii("av01") + "aa"),
                Arguments.of("hvc1 Metadata", "94" + hvc1 + "02000a"),
                Arguments.of("hvc1 MPEG2TSSequenceStart", "95" + hvc1 + "0102"),
                Arguments.of("hvc1 with ModEx", "97 02 0f423f 01" + hvc1 + "000000 aa"),
                Arguments.of("hvc1 multitrack", "96 01" + hvc1 + "00 000000 aa"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notConvertible")
    void refusesWhatHasNoLegacyForm(String name, String hex) {
        VideoTagBody body = VideoTagBody.parse(b(hex));
        assertThatThrownBy(() -> FlvWriter.hevc(HevcForm.LEGACY_CODEC_ID_12, body)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void factoryRefusesWhatNeitherFormCanCarry() {
        ByteBuffer nalu = b(KEY_NALU);
        for (HevcForm form : HevcForm.values()) {
            assertThatThrownBy(() -> FlvWriter.hevc(form, VideoTagBody.COMMAND_FRAME, 1, 0, nalu))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> FlvWriter.hevc(form, 0, 1, 0, nalu)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> FlvWriter.hevc(form, 1, ExVideoData.SEQUENCE_START, 40, nalu))
                    .as("CTS outside CodedFrames").isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> FlvWriter.hevc(form, 1, 1, 1 << 23, nalu)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> FlvWriter.hevc(form, 1, ExVideoData.MULTITRACK, 0, nalu))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> FlvWriter.hevc(HevcForm.LEGACY_CODEC_ID_12, 1, ExVideoData.METADATA, 0, nalu))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(FlvWriter.hevc(1, ExVideoData.METADATA, 0, nalu).videoPacketType()).isEqualTo(ExVideoData.METADATA);
    }

    @Test
    void writeVideoTagWritesOneTagAndItsPreviousTagSize() {
        VideoTagBody body = FlvWriter.hevc(HevcForm.LEGACY_CODEC_ID_12, 1, ExVideoData.CODED_FRAMES, 80, b(KEY_NALU));
        int size = FlvWriter.videoTagSize(body);
        assertThat(size).isEqualTo(11 + 5 + 7 + 4);
        byte[] tag = ByteOrders.writtenInEveryOrder(size, out -> FlvWriter.writeVideoTag(out, 0x01234567, body));
        // TagType 9, DataSize 12, Timestamp 0x234567 + TimestampExtended 0x01, StreamID 0, body, PreviousTagSize 23
        assertThat(HEX.formatHex(tag)).isEqualTo("09" + "00000c" + "234567" + "01" + "000000" + "1c01000050" + "000000032601af"
                + "00000017");
        ByteBuffer small = ByteBuffer.allocate(size - 1);
        assertThatThrownBy(() -> FlvWriter.writeVideoTag(small, 0, body)).isInstanceOf(BufferOverflowException.class);
        assertThat(small.position()).isZero();
    }

    private static byte[] written(VideoTagBody body) {
        return ByteOrders.writtenInEveryOrder(body.encodedSize(), body::writeTo);
    }

    private static byte[] hex(String s) {
        return HEX.parseHex(s.replace(" ", ""));
    }
}

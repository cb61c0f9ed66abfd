package io.streamwire.flv;

import static io.streamwire.flv.TagBodyTest.ascii;
import static io.streamwire.flv.TagBodyTest.b;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.testkit.Allocation;
import java.nio.ByteBuffer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Static peeks on tag bodies: key frame, sequence header and codec, legacy and Enhanced RTMP. */
class TagBodyPeekTest {
    private static final int NONE = 0;

    static Stream<Arguments> video() {
        int avc1 = FourCc.AVC1.value();
        int hvc1 = FourCc.HVC1.value();
        int av01 = FourCc.AV01.value();
        return Stream.of(
                // name, hex, keyframe, sequence header, FourCC
                Arguments.of("empty", "", false, false, NONE),
                Arguments.of("AVC sequence header", "17 00 000000 0164001f", false, true, avc1),
                Arguments.of("AVC key NALU", "17 01 000000 00000001 65", true, false, avc1),
                Arguments.of("AVC key NALU header only", "17 01 000000", true, false, avc1),
                Arguments.of("AVC key NALU truncated header", "17 01 00", false, false, avc1),
                Arguments.of("AVC inter NALU", "27 01 ffffd8 00000001 41", false, false, avc1),
                Arguments.of("AVC end of sequence", "17 02 000000", false, false, avc1),
                Arguments.of("AVC generated key frame", "47 01 000000 00000001 65", false, false, avc1),
                Arguments.of("AVC sequence header truncated", "17 00", false, false, avc1),
                Arguments.of("HEVC (CodecID 12) sequence header", "1c 00 000000 01016000", false, true, hvc1),
                Arguments.of("HEVC key NALU", "1c 01 000000 00000002 2601", true, false, hvc1),
                Arguments.of("HEVC key NALU header only", "1c 01 000000", true, false, hvc1),
                Arguments.of("HEVC key NALU truncated header", "1c 01 00", false, false, hvc1),
                Arguments.of("HEVC inter NALU", "2c 01 000028 00000002 0201", false, false, hvc1),
                Arguments.of("HEVC end of sequence", "1c 02 000000", false, false, hvc1),
                Arguments.of("HEVC generated key frame", "4c 01 000000 00000002 2601", false, false, hvc1),
                Arguments.of("HEVC sequence header truncated", "1c 00", false, false, hvc1),
                Arguments.of("HEVC command frame", "5c 00 000000 01", false, false, hvc1),
                // a command frame whose AVCPacketType byte is 0 is no sequence header (it used to peek as one)
                Arguments.of("AVC command frame", "57 00 000000 01", false, false, avc1),
                Arguments.of("VP6 key frame", "14 aabb", true, false, NONE),
                Arguments.of("H.263 inter frame", "22 aabb", false, false, NONE),
                Arguments.of("H.263 command frame", "52 01", false, false, NONE),
                Arguments.of("ex hvc1 key CodedFrames", "91" + ascii("hvc1") + "000028 aabb", true, false, hvc1),
                Arguments.of("ex hvc1 inter CodedFrames", "a1" + ascii("hvc1") + "000028 aabb", false, false, hvc1),
                Arguments.of("ex av01 key CodedFramesX", "93" + ascii("av01") + "aabb", true, false, av01),
                Arguments.of("ex hvc1 SequenceStart", "90" + ascii("hvc1") + "0102", false, true, hvc1),
                Arguments.of("ex av01 MPEG2TSSequenceStart", "95" + ascii("av01") + "0102", false, true, av01),
                Arguments.of("ex key SequenceEnd", "92" + ascii("hvc1"), false, false, hvc1),
                Arguments.of("ex key Metadata", "94" + ascii("hvc1") + "02000a", false, false, hvc1),
                Arguments.of("ex key CodedFrames truncated FourCC", "91 6876", false, false, NONE),
                Arguments.of("ex command frame", "d1 01", false, false, NONE),
                // fuzz finding: the command byte comes before any multitrack byte (parser order)
                Arguments.of("ex command frame with Multitrack type", "d6 04 04040404 04", false, false, NONE),
                Arguments.of("ex ModEx then key CodedFramesX", "97 02 0f423f 03" + ascii("av01") + "aa", true, false, av01),
                Arguments.of("ex ModEx then SequenceStart", "97 00 00 00" + ascii("av01") + "aa", false, true, av01),
                Arguments.of("ex ModEx truncated", "97 05 0f42", false, false, NONE),
                Arguments.of("ex multitrack one track key", "96 01" + ascii("av01") + "00 aa", true, false, av01),
                Arguments.of("ex multitrack many codecs SequenceStart", "96 20" + ascii("hvc1") + "00 000001 aa",
                        false, true, hvc1),
                Arguments.of("ex multitrack reserved type", "96 31" + ascii("av01") + "00 aa", false, false, NONE),
                Arguments.of("ex multitrack nested multitrack", "96 06" + ascii("av01"), false, false, NONE),
                Arguments.of("ex multitrack truncated", "96", false, false, NONE));
    }

    static Stream<Arguments> audio() {
        int mp4a = FourCc.MP4A.value();
        int opus = FourCc.OPUS.value();
        return Stream.of(
                // name, hex, sequence header, FourCC
                Arguments.of("empty", "", false, NONE),
                Arguments.of("AAC sequence header", "af00 1210", true, mp4a),
                Arguments.of("AAC raw", "af01 aabb", false, mp4a),
                Arguments.of("AAC without packet type", "af", false, mp4a),
                Arguments.of("MP3", "2f ff", false, FourCc.MP3.value()),
                Arguments.of("MP3 8 kHz", "e2 ff", false, FourCc.MP3.value()),
                Arguments.of("Speex", "b2 01", false, NONE),
                Arguments.of("ex SequenceStart mp4a", "90" + ascii("mp4a") + "1190", true, mp4a),
                Arguments.of("ex SequenceStart truncated FourCC", "90 6d70", false, NONE),
                Arguments.of("ex CodedFrames Opus", "91" + ascii("Opus") + "aa", false, opus),
                Arguments.of("ex ModEx then SequenceStart Opus", "97 02 0f423f 00" + ascii("Opus") + "aa", true, opus),
                Arguments.of("ex multitrack one track SequenceStart", "95 00" + ascii("Opus") + "01 aabb", true, opus),
                Arguments.of("ex multitrack many codecs CodedFrames", "95 21" + ascii("Opus") + "00 000001 aa", false, opus),
                Arguments.of("ex multichannel config", "94" + ascii("ec-3") + "01 02 00000003", false,
                        FourCc.EAC3.value()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("video")
    void videoPeeks(String name, String hex, boolean key, boolean sequenceHeader, int fourCc) {
        for (ByteBuffer body : placements(hex)) {
            int position = body.position();
            int limit = body.limit();
            assertThat(VideoData.isKeyframe(body)).as("key frame").isEqualTo(key);
            assertThat(VideoData.isSequenceHeader(body)).as("sequence header").isEqualTo(sequenceHeader);
            assertThat(VideoData.peekFourCc(body)).as("FourCC").isEqualTo(fourCc);
            assertThat(body.position()).isEqualTo(position);
            assertThat(body.limit()).isEqualTo(limit);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("audio")
    void audioPeeks(String name, String hex, boolean sequenceHeader, int fourCc) {
        for (ByteBuffer body : placements(hex)) {
            int position = body.position();
            assertThat(AudioData.isSequenceHeader(body)).as("sequence header").isEqualTo(sequenceHeader);
            assertThat(AudioData.peekFourCc(body)).as("FourCC").isEqualTo(fourCc);
            assertThat(body.position()).isEqualTo(position);
        }
    }

    /** A key frame by peek is a key frame by parse, and a sequence header by peek parses as one. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("video")
    void videoPeeksAgreeWithParse(String name, String hex, boolean key, boolean sequenceHeader, int fourCc) {
        if (!key && !sequenceHeader) {
            return;
        }
        VideoTagBody parsed = VideoTagBody.parse(b(hex));
        assertThat(parsed.frameType()).isEqualTo(key ? VideoTagBody.KEY_FRAME : parsed.frameType());
        assertThat(parsed.fourCc() == null ? NONE : parsed.fourCc().value()).isEqualTo(fourCc);
        if (parsed instanceof VideoData v) {
            assertThat(v.videoPacketType() == ExVideoData.SEQUENCE_START || !sequenceHeader).isTrue();
        } else if (parsed instanceof ExVideoData x) {
            assertThat(x.track().fourCc().value()).isEqualTo(fourCc);
            assertThat(x.videoPacketType()).isIn(key
                    ? new Object[] {ExVideoData.CODED_FRAMES, ExVideoData.CODED_FRAMES_X}
                    : new Object[] {ExVideoData.SEQUENCE_START, ExVideoData.MPEG2TS_SEQUENCE_START});
        }
    }

    @Test
    void peeksAllocateNothing() {
        // a long warm-up: on a loaded machine C2 finishes these peeks late, and its last one-off
        // allocations (deoptimisation, OSR) then fall into every measured round
        ByteBuffer key = b("17 01 000000 00000001 65");
        ByteBuffer ex = b("97 02 0f423f 03" + ascii("av01") + "aa");
        ByteBuffer aac = b("af00 1210");
        long[] sink = new long[1];
        Allocation.assertAllocatesNothing("tag body peeks", 200_000, 100_000, 0, () -> {
            sink[0] += (VideoData.isKeyframe(key) ? 1 : 0) + (VideoData.isSequenceHeader(ex) ? 1 : 0)
                    + VideoData.peekFourCc(ex) + (AudioData.isSequenceHeader(aac) ? 1 : 0) + AudioData.peekFourCc(aac);
        });
        assertThat(sink[0]).isNotZero();
    }

    /** The body at position 0 of a heap buffer, in the middle of a larger one, and direct. */
    private static ByteBuffer[] placements(String hex) {
        ByteBuffer plain = b(hex);
        int n = plain.remaining();
        ByteBuffer inside = ByteBuffer.allocate(n + 7);
        for (int i = 0; i < n + 7; i++) {
            inside.put(i, (byte) (i < 3 ? 0x17 : 0x01)); // bytes outside the body that would change the answers
        }
        inside.put(3, plain, 0, n).position(3).limit(3 + n);
        ByteBuffer direct = ByteBuffer.allocateDirect(n).put(0, plain, 0, n);
        return new ByteBuffer[] {plain, inside, direct};
    }
}

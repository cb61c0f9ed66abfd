package io.streamwire.flv;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.core.StreamwireException;
import io.streamwire.flv.FlvWriter.HevcForm;
import io.streamwire.testkit.Chunks;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * HEVC written by {@link FlvWriter} as Enhanced {@code hvc1} and as legacy CodecID 12: a file of
 * random frames reads back as what was written, in any chunking, and the two forms of the same
 * frames give the same tracks.
 */
class HevcFormsPropertiesTest {
    /** One frame as a caller hands it to the writer (Enhanced packet types the legacy form also has). */
    record Frame(int timestamp, int frameType, int videoPacketType, int compositionTime, byte[] data) {
        VideoTagBody body(HevcForm form) {
            return FlvWriter.hevc(form, frameType, videoPacketType, compositionTime, ByteBuffer.wrap(data));
        }

        VideoTrack track() {
            return new VideoTrack(FourCc.HVC1, 0, compositionTime, ByteBuffer.wrap(data));
        }
    }

    @Provide
    Arbitrary<List<Frame>> frames() {
        Arbitrary<Integer> packetType = Arbitraries.of(ExVideoData.SEQUENCE_START, ExVideoData.CODED_FRAMES,
                ExVideoData.CODED_FRAMES_X, ExVideoData.SEQUENCE_END);
        Arbitrary<Integer> cts = Arbitraries.oneOf(Arbitraries.integers().between(-(1 << 23), (1 << 23) - 1),
                Arbitraries.of(0, -1, 40, (1 << 23) - 1, -(1 << 23)));
        Arbitrary<Frame> frame = Combinators.combine(Arbitraries.integers(), Arbitraries.integers().between(1, 4), packetType,
                cts, Arbitraries.bytes().array(byte[].class).ofMaxSize(48))
                .as((ts, ft, pt, c, data) -> new Frame(ts, ft, pt, pt == ExVideoData.CODED_FRAMES ? c : 0, data));
        return frame.list().ofMaxSize(10);
    }

    static byte[] write(List<Frame> frames, HevcForm form) {
        FlvHeader header = FlvHeader.of(false, true);
        int size = FlvWriter.headerSize(header);
        for (Frame f : frames) {
            size += FlvWriter.videoTagSize(f.body(form));
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        FlvWriter.writeHeader(out, header);
        for (Frame f : frames) {
            FlvWriter.writeVideoTag(out, f.timestamp(), f.body(form));
        }
        assertThat(out.hasRemaining()).isFalse();
        return out.array();
    }

    static List<VideoTagBody> read(Collector c) {
        List<VideoTagBody> bodies = new ArrayList<>();
        for (int i = 0; i < c.bodies.size(); i++) {
            assertThat(c.headers.get(i).tagType()).isEqualTo(FlvTagHeader.VIDEO);
            bodies.add(VideoTagBody.parse(ByteBuffer.wrap(c.bodies.get(i))));
        }
        return bodies;
    }

    @Property(tries = 300)
    void eachFormReadsBackAsWrittenInAnyChunking(@ForAll("frames") List<Frame> frames, @ForAll boolean legacy,
            @ForAll long seed) {
        HevcForm form = legacy ? HevcForm.LEGACY_CODEC_ID_12 : HevcForm.ENHANCED_HVC1;
        byte[] file = write(frames, form);
        Collector whole = Collector.decode(file);
        assertThat(whole.anomalies).isEmpty();
        List<VideoTagBody> bodies = read(whole);
        assertThat(bodies).hasSize(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            VideoTagBody got = bodies.get(i);
            assertThat(got).isEqualTo(f.body(form)); // parse(write(x)) == x
            assertThat(got).isInstanceOf(legacy ? VideoData.class : ExVideoData.class);
            assertThat(whole.headers.get(i).timestamp()).isEqualTo(f.timestamp());
            assertThat(got.fourCc()).isEqualTo(FourCc.HVC1);
            assertThat(got.frameType()).isEqualTo(f.frameType());
            assertThat(got.track()).isEqualTo(f.track());
            assertThat(got.videoPacketType()).isEqualTo(legacy && f.videoPacketType() == ExVideoData.CODED_FRAMES_X
                    ? ExVideoData.CODED_FRAMES : f.videoPacketType());
            ByteBuffer raw = ByteBuffer.wrap(whole.bodies.get(i));
            assertThat(VideoData.peekFourCc(raw)).isEqualTo(FourCc.HVC1.value());
            assertThat(VideoData.isSequenceHeader(raw)).isEqualTo(f.videoPacketType() == ExVideoData.SEQUENCE_START);
            assertThat(VideoData.isKeyframe(raw)).isEqualTo(f.frameType() == VideoTagBody.KEY_FRAME
                    && (f.videoPacketType() == ExVideoData.CODED_FRAMES || f.videoPacketType() == ExVideoData.CODED_FRAMES_X));
        }
        // chunking independence: random pieces, one byte at a time, and bodies taken in fragments
        assertThat(Collector.decode(Chunks.random(file, new Random(seed)), FlvLimits.defaults()).events).isEqualTo(whole.events);
        assertThat(Collector.decode(Chunks.fixed(file, 1), FlvLimits.defaults()).events).isEqualTo(whole.events);
        assertThat(Collector.decode(Chunks.random(file, new Random(~seed)), FlvLimits.defaults(), -1, true).events)
                .isEqualTo(whole.events);
    }

    @Property(tries = 300)
    void bothFormsOfTheSameFramesGiveTheSameTracks(@ForAll("frames") List<Frame> frames) {
        List<VideoTagBody> enhanced = read(Collector.decode(write(frames, HevcForm.ENHANCED_HVC1)));
        List<VideoTagBody> legacy = read(Collector.decode(write(frames, HevcForm.LEGACY_CODEC_ID_12)));
        for (int i = 0; i < frames.size(); i++) {
            assertThat(legacy.get(i).track()).isEqualTo(enhanced.get(i).track());
            assertThat(legacy.get(i).frameType()).isEqualTo(enhanced.get(i).frameType());
            assertThat(legacy.get(i).isKeyFrame()).isEqualTo(enhanced.get(i).isKeyFrame());
            // converting either way lands on the other form's body (CodedFramesX comes back as CodedFrames, CTS 0)
            assertThat(FlvWriter.hevc(HevcForm.LEGACY_CODEC_ID_12, enhanced.get(i))).isEqualTo(legacy.get(i));
            VideoTagBody back = FlvWriter.hevc(HevcForm.ENHANCED_HVC1, legacy.get(i));
            assertThat(back.track()).isEqualTo(enhanced.get(i).track());
            if (frames.get(i).videoPacketType() != ExVideoData.CODED_FRAMES_X) {
                assertThat(back).isEqualTo(enhanced.get(i));
            }
        }
    }

    /** A flipped IsExHeader bit turns the body into an Enhanced one, whose own round trip then holds. */
    @Property(tries = 500)
    void mutatedLegacyHevcBodiesOnlyRaiseFlvExceptions(@ForAll("frames") List<Frame> frames,
            @ForAll @IntRange(min = 0, max = 200) int at, @ForAll byte flip, @ForAll boolean truncate) {
        for (Frame f : frames) {
            VideoTagBody body = f.body(HevcForm.LEGACY_CODEC_ID_12);
            ByteBuffer out = ByteBuffer.allocate(body.encodedSize());
            body.writeTo(out);
            byte[] bytes = out.array();
            if (truncate) {
                bytes = java.util.Arrays.copyOf(bytes, at % (bytes.length + 1));
            } else {
                bytes[at % bytes.length] ^= flip;
            }
            try {
                VideoTagBody parsed = VideoTagBody.parse(ByteBuffer.wrap(bytes));
                ByteBuffer again = ByteBuffer.allocate(parsed.encodedSize());
                parsed.writeTo(again);
                assertThat(VideoTagBody.parse(again.flip())).isEqualTo(parsed); // parse(write(parse(x))) == parse(x)
            } catch (StreamwireException expected) {
                assertThat(expected.module()).isEqualTo("flv");
            }
        }
    }
}

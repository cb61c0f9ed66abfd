package io.streamwire.aac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.Anomaly;
import io.streamwire.core.LimitExceededException;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.testkit.Allocation;
import io.streamwire.testkit.Chunks;
import io.streamwire.testkit.Fixtures;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdtsDecoderTest {

    /** Records every event as a line, so tests compare whole event sequences. */
    static final class Recorder implements AdtsDecoder.Listener {
        final List<String> events = new ArrayList<>();
        final ByteArrayOutputStream frameBytes = new ByteArrayOutputStream();

        @Override
        public void onFrame(AdtsFrameView frame) {
            events.add("frame@" + frame.streamOffset() + " len=" + frame.aacFrameLength() + " payload="
                    + frame.payloadLength() + " sr=" + frame.sampleRateHz() + " ch=" + frame.channelConfiguration());
            byte[] copy = frame.toByteArray();
            frameBytes.writeBytes(copy);
            assertThat(frame.slice()).isEqualTo(ByteBuffer.wrap(copy));
            assertThat(frame.header()).isEqualTo(AdtsHeader.parse(ByteBuffer.wrap(copy)));
        }

        @Override
        public void onId3Tag(ByteBuffer tag, long streamOffset) {
            events.add("id3@" + streamOffset + " size=" + tag.remaining() + " first=" + (char) tag.get(tag.position()));
        }

        @Override
        public void onApeTag(ByteBuffer tag, long streamOffset) {
            events.add("ape@" + streamOffset + " size=" + tag.remaining() + " first=" + (char) tag.get(tag.position()));
        }

        @Override
        public void onId3v1Tag(ByteBuffer tag, long streamOffset) {
            events.add("id3v1@" + streamOffset + " size=" + tag.remaining() + " first=" + (char) tag.get(tag.position()));
        }

        @Override
        public void onAnomaly(Anomaly<AacAnomalyKind> anomaly) {
            events.add(anomaly.kind() + "@" + anomaly.offset() + " " + anomaly.detail());
        }
    }

    /** An ADTS frame: LC, the given sampling index and channels, payload of {@code payload} bytes of {@code fill}. */
    static byte[] frame(int samplingIndex, int channels, int payload, int fill) {
        ByteBuffer out = ByteBuffer.allocate(7 + payload);
        new AdtsHeader(0, 0, true, 1, samplingIndex, 0, channels, 0, 0, 0, 0, 7 + payload, 0x7FF, 0).writeTo(out);
        while (out.hasRemaining()) {
            out.put((byte) fill);
        }
        return out.array();
    }

    /** An ID3v2.4 tag with a body of {@code body} bytes. */
    static byte[] id3(int body) {
        ByteBuffer out = ByteBuffer.allocate(10 + body);
        out.put(new byte[] {'I', 'D', '3', 4, 0, 0});
        out.put((byte) ((body >>> 21) & 0x7F)).put((byte) ((body >>> 14) & 0x7F)).put((byte) ((body >>> 7) & 0x7F)).put((byte) (body & 0x7F));
        while (out.hasRemaining()) {
            out.put((byte) 'x');
        }
        return out.array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static List<String> decode(List<byte[]> pieces, Chunks.Kind kind, AacLimits limits) {
        Recorder recorder = new Recorder();
        AdtsDecoder decoder = new AdtsDecoder(recorder, limits);
        for (byte[] piece : pieces) {
            ByteBuffer buffer = kind.wrap(piece);
            decoder.feed(buffer);
            assertThat(buffer.hasRemaining()).isFalse();
        }
        decoder.endOfInput();
        return recorder.events;
    }

    static final byte[] MIXED = concat(
            id3(12),                      // HLS packed audio timestamp tag
            frame(4, 2, 20, 0x11),
            frame(4, 2, 3, 0x22),
            new byte[] {0x01, (byte) 0xFF, (byte) 0xF1, 0x02, 'I', 'D'}, // garbage with false sync starts
            frame(3, 1, 30, 0x33),
            id3(0),
            frame(3, 1, 8, (byte) 0xFF),  // payload of 0xFF bytes (false candidates inside)
            frame(11, 6, 1, 0x44));

    static final List<String> MIXED_EVENTS = List.of(
            "id3@0 size=22 first=I",
            "frame@22 len=27 payload=20 sr=44100 ch=2",
            // the frame at 49 is followed by garbage, so nothing confirms it: dropped with the garbage
            "BYTES_DISCARDED@49 16 bytes",
            "frame@65 len=37 payload=30 sr=48000 ch=1",
            "id3@102 size=10 first=I",
            "frame@112 len=15 payload=8 sr=48000 ch=1",
            "frame@127 len=8 payload=1 sr=8000 ch=6");

    @Test
    void eventsDoNotDependOnChunkingOrBufferKind() {
        for (Chunks.Split split : Chunks.splits(MIXED, 4)) {
            for (Chunks.Kind kind : Chunks.Kind.values()) {
                assertThat(decode(split.pieces(), kind, AacLimits.defaults())).as(split + " " + kind).isEqualTo(MIXED_EVENTS);
            }
        }
    }

    @Test
    void byteOrderOfTheCallersBufferDoesNotMatter() {
        for (java.nio.ByteOrder order : List.of(java.nio.ByteOrder.LITTLE_ENDIAN, java.nio.ByteOrder.BIG_ENDIAN)) {
            Recorder recorder = new Recorder();
            AdtsDecoder decoder = new AdtsDecoder(recorder);
            decoder.feed(ByteBuffer.wrap(MIXED).order(order));
            decoder.endOfInput();
            assertThat(recorder.events).as(order.toString()).isEqualTo(MIXED_EVENTS);
        }
        byte[] file = Fixtures.bytes("adts/sine-44100-stereo.aac");
        Recorder recorder = new Recorder();
        AdtsDecoder decoder = new AdtsDecoder(recorder);
        decoder.feed(ByteBuffer.allocateDirect(file.length).order(java.nio.ByteOrder.LITTLE_ENDIAN).put(file).flip());
        decoder.endOfInput();
        assertThat(recorder.frameBytes.toByteArray()).isEqualTo(file);
    }

    @Test
    void frameWhoseSuccessorIsMissingIsDiscarded() {
        // The second frame's length points into the middle of the third: it is not confirmed.
        byte[] a = frame(4, 2, 10, 0);
        byte[] b = frame(4, 2, 10, 0);
        b[4] = (byte) (b[4] + 1); // aac_frame_length 17 -> 25 (byte 4 holds bits 10..3)
        byte[] c = frame(4, 2, 40, 0);
        List<String> events = decode(List.of(concat(a, b, c)), Chunks.Kind.HEAP, AacLimits.defaults());
        assertThat(events).containsExactly(
                "frame@0 len=17 payload=10 sr=44100 ch=2",
                "BYTES_DISCARDED@17 17 bytes",
                "frame@34 len=47 payload=40 sr=44100 ch=2");
    }

    @Test
    void mp3LikeSyncWithNonZeroLayerIsNotAFrame() {
        byte[] mp3ish = HexFormat.of().parseHex("fffb9064000000000000");
        List<String> events = decode(List.of(concat(mp3ish, frame(4, 2, 5, 0))), Chunks.Kind.HEAP, AacLimits.defaults());
        assertThat(events).containsExactly("BYTES_DISCARDED@0 10 bytes", "frame@10 len=12 payload=5 sr=44100 ch=2");
    }

    @Test
    void singleFrameIsDeliveredAtEndOfInput() {
        assertThat(decode(List.of(frame(4, 2, 5, 0)), Chunks.Kind.HEAP, AacLimits.defaults()))
                .containsExactly("frame@0 len=12 payload=5 sr=44100 ch=2");
    }

    @Test
    void truncatedLastFrameOfASyncedStreamFailsAtEndOfInput() {
        byte[] whole = concat(frame(4, 2, 20, 0), frame(4, 2, 20, 0));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 5);
        Recorder recorder = new Recorder();
        AdtsDecoder decoder = new AdtsDecoder(recorder);
        decoder.feed(ByteBuffer.wrap(cut));
        TruncatedInputException[] first = new TruncatedInputException[1];
        assertThatThrownBy(decoder::endOfInput).isInstanceOfSatisfying(TruncatedInputException.class, e -> {
            assertThat(e.module()).isEqualTo("aac");
            assertThat(e.offset()).isEqualTo(27);
            assertThat(e.field()).isEqualTo("adts_frame");
            first[0] = e;
        });
        assertThat(recorder.events).containsExactly("frame@0 len=27 payload=20 sr=44100 ch=2");
        assertThatThrownBy(() -> decoder.feed(ByteBuffer.allocate(1))).isInstanceOf(IllegalStateException.class)
                .hasCause(first[0]).hasMessageContaining(first[0].getMessage());
        assertThatThrownBy(decoder::endOfInput).isInstanceOf(IllegalStateException.class).hasCause(first[0]);
        assertThat(decoder.position()).isEqualTo(cut.length);
        decoder.reset();
        assertThat(decoder.position()).isZero();
        decoder.feed(ByteBuffer.wrap(whole));
        decoder.endOfInput();
    }

    @Test
    void trailingGarbageIsReportedAtEndOfInput() {
        assertThat(decode(List.of(concat(frame(4, 2, 5, 0), new byte[] {1, 2, 3})), Chunks.Kind.HEAP, AacLimits.defaults()))
                .containsExactly("frame@0 len=12 payload=5 sr=44100 ch=2", "BYTES_DISCARDED@12 3 bytes");
    }

    @Test
    void resyncDistanceLimit() {
        byte[] garbage = new byte[5000];
        for (int limit : new int[] {100, 4999}) {
            AdtsDecoder decoder = new AdtsDecoder(f -> {}, AacLimits.defaults().withMaxResyncDistance(limit));
            assertThatThrownBy(() -> {
                decoder.feed(ByteBuffer.wrap(garbage));
                decoder.endOfInput();
            }).isInstanceOfSatisfying(LimitExceededException.class, e -> {
                assertThat(e.module()).isEqualTo("aac");
                assertThat(e.limitName()).isEqualTo("AacLimits.maxResyncDistance()");
                assertThat(e.offset()).isZero();
                assertThat(e.getMessage()).contains("see AacLimits.maxResyncDistance()");
            });
        }
    }

    @Test
    void id3TagSizeLimitIsCheckedBeforeBuffering() {
        // Declares a 256 MiB tag, delivers only its header: the decoder must fail without buffering it.
        byte[] header = HexFormat.of().parseHex("494433040000" + "7f7f7f7f");
        AdtsDecoder decoder = new AdtsDecoder(f -> {});
        assertThatThrownBy(() -> decoder.feed(ByteBuffer.wrap(concat(frame(4, 2, 5, 0), header))))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.module()).isEqualTo("aac");
                    assertThat(e.limitName()).isEqualTo("AacLimits.maxId3TagSize()");
                    assertThat(e.getMessage()).contains("see AacLimits.maxId3TagSize()");
                    assertThat(e.actual()).isEqualTo(10 + 0x0FFFFFFF);
                    assertThat(e.offset()).isEqualTo(12);
                });
    }

    @Test
    void frameSizeLimitOnASyncedStream() {
        byte[] stream = concat(frame(4, 2, 5, 0), frame(4, 2, 300, 0), frame(4, 2, 5, 0));
        AdtsDecoder decoder = new AdtsDecoder(f -> {}, AacLimits.defaults().withMaxFrameSize(100));
        assertThatThrownBy(() -> decoder.feed(ByteBuffer.wrap(stream)))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.module()).isEqualTo("aac");
                    assertThat(e.limitName()).isEqualTo("AacLimits.maxFrameSize()");
                    assertThat(e.getMessage()).contains("see AacLimits.maxFrameSize()");
                    assertThat(e.actual()).isEqualTo(307);
                    assertThat(e.offset()).isEqualTo(12);
                });
    }

    @Test
    void truncatedId3TagFailsAtEndOfInput() {
        AdtsDecoder decoder = new AdtsDecoder(f -> {});
        decoder.feed(ByteBuffer.wrap(java.util.Arrays.copyOf(id3(50), 30)));
        assertThatThrownBy(decoder::endOfInput).isInstanceOfSatisfying(TruncatedInputException.class, e -> {
            assertThat(e.field()).isEqualTo("id3v2 tag");
            assertThat(e.offset()).isZero();
        });
    }

    @Test
    void secondEndOfInputDoesNothingAndFeedAfterItThrows() {
        Recorder recorder = new Recorder();
        AdtsDecoder decoder = new AdtsDecoder(recorder);
        decoder.feed(ByteBuffer.wrap(MIXED));
        decoder.endOfInput();
        assertThat(recorder.events).isEqualTo(MIXED_EVENTS);
        decoder.endOfInput();
        assertThat(recorder.events).isEqualTo(MIXED_EVENTS);
        assertThatThrownBy(() -> decoder.feed(ByteBuffer.allocate(0))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after endOfInput()");
        assertThat(decoder.position()).isEqualTo(MIXED.length);
        decoder.reset();
        recorder.events.clear();
        decoder.feed(ByteBuffer.wrap(MIXED));
        decoder.endOfInput();
        assertThat(recorder.events).isEqualTo(MIXED_EVENTS);
    }

    @Test
    void positionCountsEveryByteFedIncludingHeldOnes() {
        AdtsDecoder decoder = new AdtsDecoder(f -> {});
        assertThat(decoder.position()).isZero();
        decoder.feed(ByteBuffer.wrap(MIXED, 0, 30)); // the ID3 tag and part of the first frame
        assertThat(decoder.position()).isEqualTo(30);
        decoder.feed(ByteBuffer.wrap(MIXED, 30, MIXED.length - 30));
        assertThat(decoder.position()).isEqualTo(MIXED.length);
        decoder.endOfInput();
        assertThat(decoder.position()).isEqualTo(MIXED.length);
    }

    @Test
    void listenerExceptionFailsTheDecoderAndIsNamedLater() {
        IllegalArgumentException boom = new IllegalArgumentException("listener refused the frame");
        AdtsDecoder decoder = new AdtsDecoder(f -> {
            throw boom;
        });
        byte[] twoFrames = concat(frame(4, 2, 5, 0), frame(4, 2, 5, 0));
        assertThatThrownBy(() -> decoder.feed(ByteBuffer.wrap(twoFrames))).isSameAs(boom);
        assertThatThrownBy(() -> decoder.feed(ByteBuffer.wrap(twoFrames))).isInstanceOf(IllegalStateException.class)
                .hasCause(boom).hasMessageContaining("listener refused the frame");
        assertThatThrownBy(decoder::endOfInput).isInstanceOf(IllegalStateException.class).hasCause(boom);
        decoder.reset();
        assertThatThrownBy(() -> decoder.feed(ByteBuffer.wrap(twoFrames))).isSameAs(boom);
    }

    @Test
    void fixtureStreamPassesThroughUnchanged() {
        byte[] file = Fixtures.bytes("adts/sine-44100-stereo.aac");
        for (int size : new int[] {1, 7, 100, 4096, file.length}) {
            Recorder recorder = new Recorder();
            AdtsDecoder decoder = new AdtsDecoder(recorder);
            for (byte[] piece : Chunks.fixed(file, size)) {
                decoder.feed(ByteBuffer.wrap(piece));
            }
            decoder.endOfInput();
            assertThat(recorder.frameBytes.toByteArray()).as("chunk size %d", size).isEqualTo(file);
            assertThat(recorder.events).noneMatch(e -> e.startsWith("BYTES"));
        }
    }

    @Test
    void decodingAllocatesNothingPerFrame() {
        byte[] file = Fixtures.bytes("adts/sine-44100-stereo.aac");
        ByteBuffer heap = ByteBuffer.wrap(file);
        ByteBuffer direct = ByteBuffer.allocateDirect(file.length).put(file).flip();
        long[] frames = {0};
        AdtsDecoder decoder = new AdtsDecoder(f -> frames[0] += f.aacFrameLength() > 0 ? 1 : 0);
        // 200 runs decode about 34,000 frames: one object per frame would be over 500 KB. The 1 KiB
        // slack absorbs one-off allocations by the JIT or the Jazzer agent when the whole suite runs in
        // one JVM (seen once: 336 B in total), never anything per frame.
        for (ByteBuffer input : List.of(heap, direct)) {
            Allocation.assertAllocatesNothing("AdtsDecoder feed of a whole stream", 5000, 200, 1024, () -> {
                decoder.reset();
                decoder.feed(input.clear());
                decoder.endOfInput();
            });
        }
        assertThat(frames[0]).isPositive();
    }
}

package io.streamwire.flv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.Anomaly;
import io.streamwire.core.Interest;
import io.streamwire.core.LimitExceededException;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.testkit.Allocation;
import io.streamwire.testkit.Chunks;
import io.streamwire.testkit.Fixtures;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FlvDecoderTest {

    /** A small file: header, then audio/video/script tags, one with a timestamp past 2^24 ms. */
    static byte[] smallFile() {
        ByteBuffer out = ByteBuffer.allocate(1024);
        FlvWriter.writeHeader(out, FlvHeader.of(true, true));
        FlvWriter.writeTag(out, FlvTagHeader.SCRIPT_DATA, 0, ByteBuffer.wrap(new byte[] {2, 0, 1, 'x', 5}));
        FlvWriter.writeTag(out, FlvTagHeader.VIDEO, 0, ByteBuffer.wrap(new byte[] {0x17, 0, 0, 0, 0, 1, 2, 3}));
        FlvWriter.writeTag(out, FlvTagHeader.AUDIO, 23, ByteBuffer.wrap(new byte[] {(byte) 0xAF, 1, 9, 9, 9}));
        FlvWriter.writeTag(out, FlvTagHeader.VIDEO, 0x0100_0040, ByteBuffer.wrap(new byte[] {0x27, 1, 0, 0, 40, 7}));
        FlvWriter.writeTag(out, FlvTagHeader.AUDIO, 0x7FFF_FFFF, ByteBuffer.wrap(new byte[0]));
        return Arrays.copyOf(out.array(), out.position());
    }

    @Test
    void decodesWhatTheWriterWrote() {
        Collector c = Collector.decode(smallFile());
        assertThat(c.anomalies).isEmpty();
        assertThat(c.header).isEqualTo(FlvHeader.of(true, true));
        assertThat(c.headers).extracting(FlvTagHeader::tagType).containsExactly(18, 9, 8, 9, 8);
        assertThat(c.headers).extracting(FlvTagHeader::timestamp).containsExactly(0, 0, 23, 0x0100_0040, 0x7FFF_FFFF);
        assertThat(c.offsets).containsExactly(13L, 13L + 20, 13L + 20 + 23, 13L + 20 + 23 + 20, 13L + 20 + 23 + 20 + 21);
        assertThat(c.bodies.get(3)).containsExactly(0x27, 1, 0, 0, 40, 7);
    }

    @Test
    void outputDoesNotDependOnChunkingOrBufferKind() {
        byte[] file = smallFile();
        List<String> whole = Collector.decode(file).events;
        for (Chunks.Split split : Chunks.splits(file, 7)) {
            assertThat(Collector.decode(split.pieces(), FlvLimits.defaults()).events).as(split.name()).isEqualTo(whole);
        }
        for (Chunks.Kind kind : Chunks.Kind.values()) {
            Collector c = new Collector();
            FlvDecoder d = new FlvDecoder(c);
            for (byte[] piece : Chunks.random(file, new Random(3))) {
                ByteBuffer b = kind.wrap(piece);
                d.feed(b);
                assertThat(b.hasRemaining()).isFalse();
            }
            d.endOfInput();
            assertThat(c.events).as(kind.name()).isEqualTo(whole);
        }
    }

    @Test
    void fixtureDecodesTheSameByteByByteAndInRandomChunks() {
        byte[] file = Fixtures.bytes("flv/avc-aac-bframes.flv");
        List<String> whole = Collector.decode(file).events;
        assertThat(Collector.decode(Chunks.fixed(file, 1), FlvLimits.defaults()).events).isEqualTo(whole);
        assertThat(Collector.decode(Chunks.random(file, new Random(11)), FlvLimits.defaults()).events).isEqualTo(whole);
        assertThat(Collector.decode(Chunks.fixed(file, 4096), FlvLimits.defaults()).events).isEqualTo(whole);
    }

    @Test
    void resyncsAfterGarbageAndReportsSkippedBytes() {
        byte[] file = smallFile();
        int cut = 13 + 20 + 23; // before the audio tag
        byte[] garbage = {1, 2, 3, 0x7F, 0x12, 0x09, 0, 0, 0};
        byte[] broken = concat(Arrays.copyOf(file, cut), garbage, Arrays.copyOfRange(file, cut, file.length));
        for (Chunks.Split split : Chunks.splits(broken, 5)) {
            Collector c = Collector.decode(split.pieces(), FlvLimits.defaults());
            assertThat(c.headers).as(split.name()).hasSize(5);
            assertThat(c.anomalies).as(split.name()).containsExactly(
                    new Anomaly<>(FlvAnomalyKind.SKIPPED_BYTES, cut, garbage.length + " bytes skipped"));
            assertThat(c.offsets.get(2)).isEqualTo(cut + garbage.length);
        }
        assertThatThrownBy(() -> Collector.decode(List.of(broken), FlvLimits.defaults().withStrict(true)))
                .isInstanceOfSatisfying(FlvException.class, e -> {
                    assertThat(e.field()).isEqualTo("flv TagType");
                    assertThat(e.offset()).isEqualTo(cut);
                });
    }

    @Test
    void truncatedFinalTagIsReportedNotThrown() {
        byte[] file = smallFile();
        int lastTag = 13 + 20 + 23 + 20; // offset of the 4th tag (6-byte body)
        byte[] cut = Arrays.copyOf(file, lastTag + 11 + 3);
        for (Chunks.Split split : Chunks.splits(cut, 9)) {
            Collector c = Collector.decode(split.pieces(), FlvLimits.defaults());
            assertThat(c.headers).hasSize(3);
            assertThat(c.anomalies).as(split.name())
                    .containsExactly(new Anomaly<>(FlvAnomalyKind.TRUNCATED_TAG, lastTag, "14 of 17 bytes present"));
        }
        assertThatThrownBy(() -> Collector.decode(List.of(cut), FlvLimits.defaults().withStrict(true)))
                .isInstanceOfSatisfying(TruncatedInputException.class, e -> {
                    assertThat(e.module()).isEqualTo("flv");
                    assertThat(e.offset()).isEqualTo(lastTag);
                });
        // cut inside the trailing PreviousTagSize: the tag is delivered, the trailer reported
        Collector c = Collector.decode(Arrays.copyOf(file, file.length - 2));
        assertThat(c.headers).hasSize(5);
        assertThat(c.anomalies).containsExactly(new Anomaly<>(FlvAnomalyKind.TRUNCATED_PREVIOUS_TAG_SIZE, file.length - 4,
                "2 of 4 bytes present"));
        // a file of only the header is complete
        assertThat(Collector.decode(Arrays.copyOf(file, 13)).anomalies).isEmpty();
        assertThatThrownBy(() -> Collector.decode(Arrays.copyOf(file, 5))).isInstanceOfSatisfying(TruncatedInputException.class,
                e -> {
                    assertThat(e.module()).isEqualTo("flv");
                    assertThat(e.getMessage()).startsWith("flv header needs 9 bytes, 5 remain at offset 0");
                });
    }

    @Test
    void previousTagSizeMismatchIsAnAnomaly() {
        byte[] file = smallFile();
        file[13 + 20 - 1] = 99; // the script tag's PreviousTagSize
        Collector c = Collector.decode(file);
        assertThat(c.headers).hasSize(5);
        assertThat(c.anomalies).containsExactly(new Anomaly<>(FlvAnomalyKind.PREVIOUS_TAG_SIZE_MISMATCH, 13 + 16,
                "PreviousTagSize 99 (expected 16)"));
    }

    @Test
    void tagSizeLimitIsCheckedBeforeBuffering() {
        ByteBuffer out = ByteBuffer.allocate(40);
        FlvWriter.writeHeader(out, FlvHeader.of(true, false));
        FlvTagHeader.of(FlvTagHeader.AUDIO, 0xFF_FFFF, 0).writeTo(out);
        byte[] hostile = Arrays.copyOf(out.array(), out.position());
        FlvDecoder d = new FlvDecoder(new Collector(), FlvLimits.defaults().withMaxTagSize(1 << 20));
        assertThatThrownBy(() -> d.feed(ByteBuffer.wrap(hostile))).isInstanceOfSatisfying(LimitExceededException.class, e -> {
            assertThat(e.module()).isEqualTo("flv");
            assertThat(e.limitName()).isEqualTo("FlvLimits.maxTagSize()");
            assertThat(e.limit()).isEqualTo(1 << 20);
            assertThat(e.actual()).isEqualTo(0xFF_FFFF);
            assertThat(e.offset()).isEqualTo(14);
            assertThat(e.getMessage()).contains("see FlvLimits.maxTagSize()");
        });
        assertThatThrownBy(() -> d.feed(ByteBuffer.allocate(1))).isInstanceOf(IllegalStateException.class);
        d.reset();
        d.feed(ByteBuffer.wrap(Arrays.copyOf(hostile, 13)));
    }

    @Test
    void ignoredBodiesAreSkippedWithoutBuffering() {
        byte[] file = Fixtures.bytes("flv/avc-aac-bframes.flv");
        int[] counts = new int[2];
        FlvDecoder d = new FlvDecoder(new FlvDecoder.Listener() {
            @Override
            public Interest onTagHeader(FlvTag tag) {
                counts[0]++;
                return tag.tagType() == FlvTagHeader.VIDEO ? Interest.IGNORE : Interest.WHOLE;
            }

            @Override
            public void onTag(FlvTag tag) {
                assertThat(tag.tagType()).isNotEqualTo(FlvTagHeader.VIDEO);
                counts[1]++;
            }
        });
        for (byte[] piece : Chunks.fixed(file, 100)) {
            d.feed(ByteBuffer.wrap(piece));
        }
        d.endOfInput();
        assertThat(counts[0]).isEqualTo(Collector.decode(file).headers.size());
        assertThat(counts[1]).isLessThan(counts[0]).isPositive();
    }

    @Test
    void tagScanAllocatesNothingPerTag() {
        byte[] file = Fixtures.bytes("flv/avc-aac-bframes.flv");
        ByteBuffer tags = ByteBuffer.allocateDirect(file.length - 13).put(file, 13, file.length - 13).flip();
        long[] sum = new long[2];
        FlvDecoder d = new FlvDecoder(tag -> {
            sum[0] += tag.dataSize() + tag.buffer().get(tag.bodyIndex());
            sum[1]++;
        });
        d.feed(ByteBuffer.wrap(file, 0, 13)); // header and PreviousTagSize0, once
        Allocation.assertAllocatesNothing("FLV tag scan", 2_000, 200, 0, () -> {
            tags.clear();
            d.feed(tags); // the same tags again and again: a long recording
        });
        // every feed saw every tag; the harness measures a second or third round of 200 runs after a
        // one-off allocation (a late JIT compilation), so the number of feeds is 2,000 + 200 per round
        long perFeed = Collector.decode(file).headers.size();
        assertThat(sum[1] % perFeed).isZero();
        assertThat(sum[1] / perFeed).isIn(2_200L, 2_400L, 2_600L);
    }

    @Test
    void endOfInputTwiceOnACompleteFileDoesNothing() {
        byte[] file = Fixtures.bytes("flv/avc-aac-bframes.flv");
        Collector c = new Collector();
        FlvDecoder d = new FlvDecoder(c);
        d.feed(ByteBuffer.wrap(file));
        d.endOfInput();
        List<String> events = List.copyOf(c.events);
        d.endOfInput(); // once threw "flv header needs 9 bytes, 0 remain"
        assertThat(c.events).isEqualTo(events);
        assertThat(d.position()).isEqualTo(file.length);
    }

    @Test
    void feedAfterEndOfInputThrowsUntilReset() {
        byte[] file = smallFile();
        Collector c = new Collector();
        FlvDecoder d = new FlvDecoder(c);
        d.feed(ByteBuffer.wrap(file));
        d.endOfInput();
        int count = c.events.size();
        ByteBuffer again = ByteBuffer.wrap(file);
        assertThatThrownBy(() -> d.feed(again)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("endOfInput");
        assertThat(again.position()).as("nothing consumed").isZero();
        assertThat(c.events).hasSize(count); // once decoded the file a second time
        d.reset();
        assertThat(d.position()).isZero();
        d.feed(again);
        d.endOfInput();
        assertThat(c.events).hasSize(2 * count);
    }

    @Test
    void afterAFailureEveryCallButResetNamesTheFirstError() {
        byte[] file = smallFile();
        byte[] bad = file.clone();
        bad[1] = 'X';
        FlvDecoder d = new FlvDecoder(new Collector());
        FlvException first = org.junit.jupiter.api.Assertions.assertThrows(FlvException.class,
                () -> d.feed(ByteBuffer.wrap(bad)));
        assertThat(first.module()).isEqualTo("flv");
        assertThat(first.field()).isEqualTo("flv Signature");
        assertThatThrownBy(() -> d.feed(ByteBuffer.wrap(file))).isInstanceOf(IllegalStateException.class)
                .hasCause(first).hasMessageContaining(first.getMessage());
        assertThatThrownBy(d::endOfInput).isInstanceOf(IllegalStateException.class).hasCause(first);
        d.reset();
        d.feed(ByteBuffer.wrap(file));
        d.endOfInput();
    }

    @Test
    void aListenerExceptionFailsTheDecoder() {
        byte[] file = smallFile();
        RuntimeException boom = new RuntimeException("listener");
        FlvDecoder d = new FlvDecoder(tag -> {
            throw boom;
        });
        assertThatThrownBy(() -> d.feed(ByteBuffer.wrap(file))).isSameAs(boom);
        assertThatThrownBy(() -> d.feed(ByteBuffer.allocate(0))).isInstanceOf(IllegalStateException.class).hasCause(boom);
        assertThatThrownBy(d::endOfInput).isInstanceOf(IllegalStateException.class).hasCause(boom);
    }

    @Test
    void fragmentsReassembleToTheWholeTagsForEverySplit() {
        byte[] file = smallFile(); // includes a body of DataSize 0
        List<String> whole = Collector.decode(file).events;
        for (Chunks.Split split : Chunks.splits(file, 13)) {
            assertThat(Collector.decode(split.pieces(), FlvLimits.defaults(), -1, true).events).as(split.name())
                    .isEqualTo(whole);
        }
        byte[] fixture = Fixtures.bytes("flv/keyframe-index.flv");
        assertThat(Collector.decode(Chunks.fixed(fixture, 100), FlvLimits.defaults(), -1, true).events)
                .isEqualTo(Collector.decode(fixture).events);
    }

    @Test
    void fragmentsArriveAsTheyAreFedWithoutBuffering() {
        byte[] file = smallFile();
        List<String> seen = new java.util.ArrayList<>();
        FlvDecoder d = new FlvDecoder(new FlvDecoder.Listener() {
            @Override
            public Interest onTagHeader(FlvTag tag) {
                return Interest.FRAGMENTS;
            }

            @Override
            public void onTag(FlvTag tag) {
                throw new AssertionError("onTag for FRAGMENTS");
            }

            @Override
            public void onTagFragment(FlvTag tag, ByteBuffer part, boolean last) {
                seen.add(tag.tagType() + ":" + part.remaining() + (last ? " last" : ""));
            }
        });
        int videoBody = 13 + 20 + 11; // the 8-byte body of the second tag
        d.feed(ByteBuffer.wrap(file, 0, videoBody + 3));
        assertThat(seen).containsExactly("18:5 last", "9:3");
        assertThat(d.position()).isEqualTo(videoBody + 3);
        d.feed(ByteBuffer.wrap(file, videoBody + 3, file.length - videoBody - 3));
        d.endOfInput();
        assertThat(seen).containsExactly("18:5 last", "9:3", "9:5 last", "8:5 last", "9:6 last", "8:0 last");
    }

    @Test
    void aTagCutShortInFragmentsIsATruncatedTag() {
        byte[] file = smallFile();
        int lastTag = 13 + 20 + 23 + 20;
        Collector c = Collector.decode(List.of(Arrays.copyOf(file, lastTag + 11 + 3)), FlvLimits.defaults(), -1, true);
        assertThat(c.anomalies).containsExactly(new Anomaly<>(FlvAnomalyKind.TRUNCATED_TAG, lastTag, "14 of 17 bytes present"));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}

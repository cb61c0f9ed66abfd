package io.streamwire.flv;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.testkit.Allocation;
import io.streamwire.testkit.Chunks;
import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The multi-chain path of {@link FlvDecoder} (TagChains windows, tags delivered from recorded
 * offsets) against the single chain (window 0): the same events, anomalies, errors, offsets and
 * buffer positions for every input. The production window is 1 MB; small windows here make the
 * path run on the fixtures, many windows per feed.
 */
class FlvDecoderChainsTest {
    private static final int[] WINDOWS = {8, 64, 333, 4096};
    private static final String[] FIXTURES = {"avc-aac-bframes.flv", "avc-mp3.flv", "aac-only.flv",
        "ts-past-2pow24.flv", "keyframe-index.flv"};

    /** The events, or the error, as text; the decoder's offset and how much of each piece was consumed. */
    private static List<String> run(List<ByteBuffer> pieces, FlvLimits limits, int window, FlvDecoder[] out) {
        Collector c = new Collector();
        FlvDecoder d = new FlvDecoder(c, limits, window);
        out[0] = d;
        List<String> result = c.events;
        try {
            for (ByteBuffer b : pieces) {
                d.feed(b);
                result.add("consumed to " + b.position() + ", position " + d.position());
            }
            d.endOfInput();
        } catch (RuntimeException e) {
            result.add("error " + e.getClass().getSimpleName() + ": " + e.getMessage() + " position " + d.position());
            for (ByteBuffer b : pieces) {
                result.add("position " + b.position());
            }
        }
        return result;
    }

    private static List<ByteBuffer> wrap(List<byte[]> pieces, Chunks.Kind kind) {
        List<ByteBuffer> buffers = new ArrayList<>();
        for (byte[] p : pieces) {
            buffers.add(kind.wrap(p));
        }
        return buffers;
    }

    /** Asserts every window gives the single chain's result; returns the tags delivered from offsets. */
    private static long assertSameAsSingleChain(List<byte[]> pieces, FlvLimits limits, Chunks.Kind kind, String what) {
        FlvDecoder[] d = new FlvDecoder[1];
        List<String> single = run(wrap(pieces, kind), limits, 0, d);
        long hinted = 0;
        for (int window : WINDOWS) {
            assertThat(run(wrap(pieces, kind), limits, window, d)).as(what + ", window " + window + ", " + kind)
                    .isEqualTo(single);
            hinted += d[0].hintedTagCount();
        }
        return hinted;
    }

    /** The fixture's tags repeated: a recording long enough for several windows of every size. */
    private static byte[] repeated(String name, int copies) {
        byte[] one = Fixtures.bytes("flv/" + name);
        int head = 13;
        byte[] all = new byte[head + (one.length - head) * copies];
        System.arraycopy(one, 0, all, 0, head);
        for (int i = 0; i < copies; i++) {
            System.arraycopy(one, head, all, head + i * (one.length - head), one.length - head);
        }
        return all;
    }

    @Test
    void fixturesGiveTheSingleChainEventsInEveryBufferKind() {
        for (String name : FIXTURES) {
            byte[] file = repeated(name, 2);
            long hinted = 0;
            for (Chunks.Kind kind : Chunks.Kind.values()) {
                hinted += assertSameAsSingleChain(List.of(file), FlvLimits.defaults(), kind, name);
                hinted += assertSameAsSingleChain(Chunks.random(file, new Random(5)), FlvLimits.defaults(), kind, name);
            }
            assertThat(hinted).as(name + ": tags delivered from chain offsets").isPositive();
        }
    }

    @Test
    void theProductionWindowRunsOnALargeBuffer() {
        byte[] file = repeated("avc-aac-bframes.flv", 40); // 3 MB of small tags
        Collector single = Collector.decode(List.of(file), FlvLimits.defaults(), 0);
        Collector c = new Collector();
        FlvDecoder d = new FlvDecoder(c);
        d.feed(ByteBuffer.wrap(file));
        d.endOfInput();
        assertThat(c.events).isEqualTo(single.events);
        // two full 1 MB windows and a last shorter one are walked; only the first sixteenth of the first
        // window (64 KB of 3 MB, where the tag size is measured) goes on the single chain
        assertThat(d.hintedTagCount()).isGreaterThan(single.headers.size() * 95L / 100);
    }

    @Test
    void everySplitPointGivesTheSameEvents() {
        byte[] file = repeated("aac-only.flv", 1);
        file = Arrays.copyOf(file, Math.min(file.length, 3000));
        for (Chunks.Split split : Chunks.splits(file, 17)) {
            assertSameAsSingleChain(split.pieces(), FlvLimits.defaults(), Chunks.Kind.HEAP, split.name());
        }
    }

    @Test
    void randomCorruptionsGiveTheSameEventsAnomaliesAndErrors() {
        byte[] clean = repeated("avc-aac-bframes.flv", 1);
        Random random = new Random(42);
        FlvLimits[] limits = {FlvLimits.defaults(), FlvLimits.defaults().withMaxTagSize(400), FlvLimits.defaults().withStrict(true)};
        for (int i = 0; i < 300; i++) {
            byte[] file = clean.clone();
            int edits = 1 + random.nextInt(8);
            for (int e = 0; e < edits && file.length > 14; e++) {
                int at = 13 + random.nextInt(file.length - 13);
                switch (random.nextInt(4)) {
                    case 0 -> file[at] ^= (byte) (1 << random.nextInt(8)); // a bit flip
                    case 1 -> file[at] = (byte) random.nextInt(256);
                    case 2 -> Arrays.fill(file, at, Math.min(file.length, at + 1 + random.nextInt(600)), (byte) 0);
                    default -> file = Arrays.copyOf(file, at); // cut short
                }
            }
            FlvLimits l = limits[i % limits.length];
            assertSameAsSingleChain(List.of(file), l, Chunks.Kind.HEAP, "corruption " + i);
            assertSameAsSingleChain(Chunks.random(file, new Random(i)), l, Chunks.Kind.DIRECT, "corruption " + i);
        }
    }

    @Test
    void fakeTagHeadersInsideBodiesDoNotChangeTheEvents() {
        // bodies that hold plausible tag headers with matching trailers: false resynchronisation points
        ByteBuffer out = ByteBuffer.allocate(1 << 16);
        FlvWriter.writeHeader(out, FlvHeader.of(true, true));
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            ByteBuffer body = ByteBuffer.allocate(random.nextInt(200));
            while (body.remaining() >= 30) {
                int fake = random.nextInt(body.remaining() - 29);
                body.position(body.position() + fake);
                int size = random.nextInt(Math.max(1, body.remaining() - 15));
                if (body.remaining() < 15 + size) {
                    break;
                }
                body.put((byte) 9).put((byte) 0).put((byte) (size >> 8)).put((byte) size).putInt(0).put(new byte[3]);
                body.position(body.position() + size);
                body.putInt(11 + size);
            }
            FlvWriter.writeTag(out, i % 3 == 0 ? FlvTagHeader.AUDIO : FlvTagHeader.VIDEO, i, body.clear());
        }
        byte[] file = Arrays.copyOf(out.array(), out.position());
        assertSameAsSingleChain(List.of(file), FlvLimits.defaults(), Chunks.Kind.HEAP, "fake headers");
        assertSameAsSingleChain(Chunks.random(file, new Random(1)), FlvLimits.defaults(), Chunks.Kind.HEAP, "fake headers");
    }

    @Test
    void aListenerThrowingLeavesTheSamePositionAndOffset() {
        byte[] file = repeated("avc-aac-bframes.flv", 2);
        int total = Collector.decode(file).headers.size();
        for (int throwAt : new int[] {0, 1, 17, total / 2, total - 1}) {
            List<String> expected = null;
            for (int window : new int[] {0, 8, 64, 4096}) {
                int[] seen = {0};
                FlvDecoder d = new FlvDecoder(tag -> {
                    if (seen[0]++ == throwAt) {
                        throw new IllegalStateException("listener");
                    }
                }, FlvLimits.defaults(), window);
                ByteBuffer b = ByteBuffer.wrap(file);
                String got;
                try {
                    d.feed(b);
                    got = "no error";
                } catch (IllegalStateException e) {
                    got = e.getMessage();
                }
                List<String> result = List.of(got, "position " + b.position(), "position() " + d.position());
                if (expected == null) {
                    expected = result;
                } else {
                    assertThat(result).as("throw at " + throwAt + ", window " + window).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void multiChainScanAllocatesNothingPerTag() {
        byte[] file = repeated("avc-aac-bframes.flv", 2);
        ByteBuffer tags = ByteBuffer.wrap(file, 13, file.length - 13).slice();
        long[] sum = new long[1];
        FlvDecoder d = new FlvDecoder(tag -> sum[0] += tag.dataSize(), FlvLimits.defaults(), 4096);
        d.feed(ByteBuffer.wrap(file, 0, 13));
        Allocation.assertAllocatesNothing("FLV multi-chain tag scan", 500, 100, 0, () -> {
            tags.clear();
            d.feed(tags);
        });
        assertThat(d.hintedTagCount()).isPositive();
    }
}

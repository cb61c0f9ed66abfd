package io.streamwire.mpegts;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.core.Anomaly;
import io.streamwire.testkit.Chunks;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TsFramerTest {

    /** What a framer reported, as text, so runs can be compared. */
    static List<String> frame(List<byte[]> pieces, Chunks.Kind kind) {
        List<String> events = new ArrayList<>();
        TsFramer framer = new TsFramer(new TsFramer.Listener() {
            @Override
            public void onPacket(TsPacket p) {
                events.add("packet pid=" + p.pid() + " cc=" + p.continuityCounter() + " at=" + p.offset() + " ats=" + p.arrivalTimestamp());
            }

            @Override
            public void onAnomaly(Anomaly<TsAnomalyKind> a) {
                events.add(a.kind() + " at=" + a.offset() + " " + a.detail());
            }
        });
        for (byte[] piece : pieces) {
            ByteBuffer in = kind.wrap(piece);
            framer.feed(in);
            assertThat(in.hasRemaining()).isFalse();
        }
        framer.endOfInput();
        return events;
    }

    static List<byte[]> packets(int n) {
        List<byte[]> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(TsTestPackets.packet(100 + i, i == 0, i & 15, i % 3 == 0 ? AdaptationField.of(false, i * 300L) : null,
                    new byte[] {0x47, 0x47, 0x47}));
        }
        return list;
    }

    @ParameterizedTest(name = "{0}-byte packets")
    @CsvSource({"188, 0, 0", "192, 4, 0", "204, 0, 16"})
    void detectsPacketSizeAndIsIndependentOfChunking(int size, int prefix, int suffix) {
        byte[] stream = TsTestPackets.join(packets(6), prefix, suffix);
        List<String> whole = frame(List.of(stream), Chunks.Kind.HEAP);
        assertThat(whole).hasSize(6).allMatch(e -> e.startsWith("packet"));
        assertThat(whole.get(1)).isEqualTo("packet pid=101 cc=1 at=" + (size + prefix) + " ats=" + (prefix == 4 ? 0x40000000L + 1000 : -1));
        for (Chunks.Split split : Chunks.splits(stream, size)) {
            for (Chunks.Kind kind : Chunks.Kind.values()) {
                assertThat(frame(split.pieces(), kind)).as(split + " " + kind).isEqualTo(whole);
            }
        }
    }

    @ParameterizedTest(name = "{0}-byte packets")
    @CsvSource({"188, 0, 0", "192, 4, 0", "204, 0, 16"})
    void resyncsAfterGarbageAndReportsTheSkippedBytes(int size, int prefix, int suffix) {
        byte[] good = TsTestPackets.join(packets(12), prefix, suffix);
        // 3 bytes of garbage (with a false 0x47) at the start, 50 in the middle cutting packet 5
        ByteBuffer b = ByteBuffer.allocate(good.length + 53);
        b.put(new byte[] {0x47, 1, 2});
        b.put(good, 0, 5 * size + 10);
        b.put(new byte[40]);
        b.put(good, 5 * size + 10, good.length - 5 * size - 10);
        byte[] stream = b.array();
        List<String> whole = frame(List.of(stream), Chunks.Kind.HEAP);
        assertThat(whole.get(0)).isEqualTo("LOST_SYNC at=0 3 bytes skipped to find sync");
        assertThat(whole.stream().filter(e -> e.startsWith("packet")).count()).isEqualTo(12);
        assertThat(whole.stream().filter(e -> e.startsWith("LOST_SYNC")).count()).isEqualTo(2);
        // packet 5 is handed out with the garbage inside (its header is intact), its tail is skipped, then packet 6 follows at its shifted offset
        assertThat(whole).contains("packet pid=106 cc=6 at=" + (3 + 6 * size + 40 + prefix) + " ats="
                + (prefix == 4 ? 0x40000000L + 6000 : -1));
        for (Chunks.Split split : Chunks.splits(stream, 7)) {
            if (split.name().startsWith("at-") && Integer.parseInt(split.name().substring(3)) % 37 != 0) {
                continue; // every 37th split point keeps the test fast
            }
            assertThat(frame(split.pieces(), Chunks.Kind.POSITION)).as(split.name()).isEqualTo(whole);
        }
    }

    @ParameterizedTest(name = "trailing {0} bytes")
    @CsvSource({"1", "100", "187"})
    void keepsAPartialPacketAndReportsItOnlyAtTheEnd(int extra) {
        byte[] stream = TsTestPackets.join(packets(5), 0, 0);
        byte[] cut = java.util.Arrays.copyOf(stream, 4 * 188 + extra);
        List<String> events = frame(List.of(cut), Chunks.Kind.HEAP);
        assertThat(events).last().isEqualTo("TRUNCATED_PACKET at=" + 4 * 188 + " input ended " + extra + " bytes into a packet");
        // fed in two calls, the partial packet is completed by the second feed
        List<String> both = frame(List.of(cut, java.util.Arrays.copyOfRange(stream, cut.length, stream.length)), Chunks.Kind.HEAP);
        assertThat(both).isEqualTo(frame(List.of(stream), Chunks.Kind.HEAP)).hasSize(5);
    }

    @Property(tries = 200)
    void chunkingNeverChangesTheOutput(@ForAll byte[] noise, @ForAll @IntRange(min = 1, max = 400) int chunk) {
        byte[] good = TsTestPackets.join(packets(8), 0, 0);
        byte[] stream = new byte[good.length + noise.length];
        System.arraycopy(good, 0, stream, 0, 3 * 188);
        System.arraycopy(noise, 0, stream, 3 * 188, noise.length);
        System.arraycopy(good, 3 * 188, stream, 3 * 188 + noise.length, good.length - 3 * 188);
        assertThat(frame(Chunks.fixed(stream, chunk), Chunks.Kind.DIRECT)).isEqualTo(frame(List.of(stream), Chunks.Kind.HEAP));
    }
}

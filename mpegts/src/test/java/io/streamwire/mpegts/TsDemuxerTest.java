package io.streamwire.mpegts;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.core.Anomaly;
import io.streamwire.core.Interest;
import io.streamwire.mpegts.psi.Pat;
import io.streamwire.mpegts.psi.Pmt;
import io.streamwire.mpegts.psi.SectionAssembler;
import io.streamwire.mpegts.psi.SpliceInfoSection;
import io.streamwire.testkit.Allocation;
import io.streamwire.testkit.Chunks;
import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TsDemuxerTest {

    /** Records everything as text. */
    static final class Log implements TsDemuxer.Listener {
        final List<String> events = new ArrayList<>();
        Interest interest = Interest.WHOLE;

        @Override
        public void onPmt(Pmt pmt) {
            events.add("pmt program=" + pmt.programNumber() + " v" + pmt.versionNumber() + " streams=" + pmt.streams().size());
        }

        @Override
        public Interest onPesStart(TsStream stream) {
            return interest;
        }

        @Override
        public void onPes(TsStream s, ByteBuffer payload) {
            events.add("pes pid=" + s.pid() + " pts=" + s.pts() + " size=" + payload.remaining() + " first=" + (payload.hasRemaining()
                    ? payload.get(payload.position()) : -1));
        }

        @Override
        public void onPesEnd(TsStream s, boolean complete) {
            events.add("end pid=" + s.pid() + " complete=" + complete);
        }

        @Override
        public void onSplice(TsStream stream, SpliceInfoSection section) {
            events.add("splice " + section.command().type());
        }

        @Override
        public void onAnomaly(Anomaly<TsAnomalyKind> a) {
            events.add(a.kind() + " " + a.detail());
        }
    }

    static final int[] CC = new int[8192];

    static List<byte[]> psi(Pmt pmt) {
        int[] cc0 = {CC[0]};
        int[] ccp = {CC[0x1000]};
        List<byte[]> packets = new ArrayList<>();
        ByteBuffer pat = ByteBuffer.allocate(1024);
        Pat.of(1, 0, List.of(new Pat.Program(1, 0x1000))).writeTo(pat);
        packets.addAll(TsTestPackets.packetize(0, java.util.Arrays.copyOf(pat.array(), pat.position()), true, cc0));
        ByteBuffer b = ByteBuffer.allocate(1024);
        pmt.writeTo(b);
        packets.addAll(TsTestPackets.packetize(0x1000, java.util.Arrays.copyOf(b.array(), b.position()), true, ccp));
        CC[0] = cc0[0];
        CC[0x1000] = ccp[0];
        return packets;
    }

    static Pmt pmt(int version, int... typesAndPids) {
        List<Pmt.Stream> streams = new ArrayList<>();
        for (int i = 0; i < typesAndPids.length; i += 2) {
            streams.add(new Pmt.Stream(typesAndPids[i], typesAndPids[i + 1], List.of()));
        }
        return new Pmt(1, version, true, typesAndPids[1], List.of(), streams);
    }

    static List<byte[]> pes(int pid, int streamId, long pts, int size, boolean bounded, int[] cc) {
        ByteBuffer b = ByteBuffer.allocate(size + 14);
        io.streamwire.mpegts.pes.PesHeader.of(streamId, bounded ? size + 8 : 0, pts, -1).writeTo(b);
        for (int i = 0; i < size; i++) {
            b.put((byte) (i + 1));
        }
        return TsTestPackets.packetize(pid, java.util.Arrays.copyOf(b.array(), b.position()), false, cc);
    }

    static List<String> demux(List<byte[]> packets, Interest interest) {
        Log log = new Log();
        log.interest = interest;
        TsDemuxer d = new TsDemuxer(log);
        d.feed(ByteBuffer.wrap(TsTestPackets.join(packets, 0, 0)));
        d.endOfInput();
        return log.events;
    }

    @Test
    void continuityGapDropsThePesAndDuplicateIsIgnored() {
        java.util.Arrays.fill(CC, 0);
        List<byte[]> packets = new ArrayList<>(psi(pmt(0, 0x1B, 0x100)));
        int[] cc = {0};
        List<byte[]> first = pes(0x100, 0xE0, 9000, 1000, false, cc);
        packets.addAll(first.subList(0, 2));
        packets.add(first.get(1)); // one duplicate: allowed
        packets.addAll(first.subList(2, first.size()));
        List<byte[]> second = pes(0x100, 0xE0, 12600, 1000, false, cc);
        packets.addAll(second.subList(0, 2));
        packets.addAll(second.subList(3, second.size())); // a lost packet
        packets.addAll(pes(0x100, 0xE0, 16200, 10, false, cc));
        assertThat(demux(packets, Interest.WHOLE)).containsExactly(
                "pmt program=1 v0 streams=1",
                "pes pid=256 pts=9000 size=1000 first=1",
                // 6 packets of the first PES (cc 0-5), then 6, 7 and the lost 8
                "CONTINUITY_GAP pid 0x0100: continuity_counter 9, expected 8",
                // 2 packets delivered: 184 - 14 header bytes + 184
                "PES_DROPPED pid 0x0100: PES cut short after 354 bytes: continuity gap",
                "pes pid=256 pts=16200 size=10 first=1");
    }

    @Test
    void pmtAfterMediaAndPmtChangesAreFollowed() {
        java.util.Arrays.fill(CC, 0);
        int[] video = {0};
        int[] audio = {0};
        List<byte[]> packets = new ArrayList<>();
        packets.addAll(pes(0x100, 0xE0, 1000, 300, false, video)); // before any PMT: ignored
        packets.addAll(psi(pmt(0, 0x1B, 0x100)));
        packets.addAll(pes(0x100, 0xE0, 2000, 300, false, video));
        packets.addAll(pes(0x101, 0xC0, 2000, 50, true, audio)); // not in the PMT yet
        packets.addAll(psi(pmt(0, 0x1B, 0x100))); // same version again: no event
        packets.addAll(psi(pmt(1, 0x1B, 0x100, 0x0F, 0x101)));
        packets.addAll(pes(0x101, 0xC0, 3000, 50, true, audio));
        packets.addAll(pes(0x100, 0xE0, 3000, 10, false, video));
        assertThat(demux(packets, Interest.WHOLE)).containsExactly(
                "pmt program=1 v0 streams=1",
                "pmt program=1 v1 streams=2",
                "pes pid=257 pts=3000 size=50 first=1",
                "pes pid=256 pts=2000 size=300 first=1",
                "pes pid=256 pts=3000 size=10 first=1");
    }

    @Test
    void fragmentsEndWithTheNextPusiOrEndOfInput() {
        java.util.Arrays.fill(CC, 0);
        int[] video = {0};
        List<byte[]> packets = new ArrayList<>(psi(pmt(0, 0x1B, 0x100)));
        packets.addAll(pes(0x100, 0xE0, 2000, 500, false, video));
        packets.addAll(pes(0x100, 0xE0, 5600, 20, false, video));
        assertThat(demux(packets, Interest.FRAGMENTS)).containsExactly(
                "pmt program=1 v0 streams=1", "end pid=256 complete=true", "end pid=256 complete=true");
    }

    @Test
    void pesLargerThanTheLimitIsDroppedWithoutAllocatingIt() {
        java.util.Arrays.fill(CC, 0);
        List<byte[]> packets = new ArrayList<>(psi(pmt(0, 0x1B, 0x100)));
        int[] video = {0};
        packets.addAll(pes(0x100, 0xE0, 2000, 5000, false, video));
        packets.addAll(pes(0x100, 0xE0, 5600, 20, false, video));
        List<String> events = new ArrayList<>();
        TsDemuxer d = new TsDemuxer(new TsDemuxer.Listener() {
            @Override
            public Interest onPesStart(TsStream stream) {
                return Interest.WHOLE;
            }

            @Override
            public void onPes(TsStream stream, ByteBuffer payload) {
                events.add("pes " + payload.remaining());
            }

            @Override
            public void onAnomaly(Anomaly<TsAnomalyKind> anomaly) {
                events.add(anomaly.kind() + " " + anomaly.detail());
            }
        }, TsLimits.defaults().withMaxPesSize(4096));
        d.feed(ByteBuffer.wrap(TsTestPackets.join(packets, 0, 0)));
        d.endOfInput();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).startsWith("PES_DROPPED pid 0x0100: ").contains("exceeds the limit 4096", "TsLimits.maxPesSize()");
        assertThat(events.get(1)).isEqualTo("pes 20");
        // a bounded PES announcing 60000 bytes is refused at its header, before anything is copied
        java.util.Arrays.fill(CC, 0);
        List<byte[]> bounded = new ArrayList<>(psi(pmt(0, 0x0F, 0x101)));
        bounded.addAll(pes(0x101, 0xC0, 1, 60_000, true, new int[1]));
        events.clear();
        d.reset();
        d.feed(ByteBuffer.wrap(TsTestPackets.join(bounded, 0, 0)));
        assertThat(events).singleElement().asString().contains("PES of 60000 bytes");
    }

    /** A PMT update that drops a PID ends its unbounded PES complete (no more data can come), as endOfInput() does. */
    @Test
    void anUnboundedPesWhosePidAPmtUpdateRemovesIsDelivered() {
        for (Interest interest : new Interest[] {Interest.WHOLE, Interest.FRAGMENTS}) {
            java.util.Arrays.fill(CC, 0);
            int[] video = {0};
            int[] audio = {0};
            List<byte[]> packets = new ArrayList<>(psi(pmt(0, 0x1B, 0x100, 0x0F, 0x101)));
            packets.addAll(pes(0x100, 0xE0, 2000, 300, false, video)); // unbounded: ends at a PUSI or when it can get no more
            packets.addAll(pes(0x101, 0xC0, 2000, 400, true, audio).subList(0, 2)); // bounded: 354 of 400 bytes
            packets.addAll(psi(pmt(1, 0x1B, 0x102))); // video moves to PID 0x102, the audio stream is gone
            List<String> expected = interest == Interest.WHOLE
                    ? List.of("pmt program=1 v0 streams=2", "pes pid=256 pts=2000 size=300 first=1",
                            "PES_DROPPED pid 0x0101: PES cut short after 354 bytes: stream removed from the PMT",
                            "pmt program=1 v1 streams=1")
                    : List.of("pmt program=1 v0 streams=2", "end pid=256 complete=true",
                            "PES_DROPPED pid 0x0101: PES cut short after 354 bytes: stream removed from the PMT",
                            "end pid=257 complete=false", "pmt program=1 v1 streams=1");
            assertThat(demux(packets, interest)).as(interest.name()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void anUnboundedPesWhoseProgramAPatUpdateRemovesIsDelivered() {
        java.util.Arrays.fill(CC, 0);
        List<byte[]> packets = new ArrayList<>(psi(pmt(0, 0x1B, 0x100)));
        packets.addAll(pes(0x100, 0xE0, 2000, 300, false, new int[1]));
        ByteBuffer pat = ByteBuffer.allocate(1024);
        Pat.of(1, 1, List.of(new Pat.Program(2, 0x1001))).writeTo(pat); // program 1 gone
        packets.addAll(TsTestPackets.packetize(0, java.util.Arrays.copyOf(pat.array(), pat.position()), true, new int[] {CC[0]}));
        assertThat(demux(packets, Interest.WHOLE)).containsExactly(
                "pmt program=1 v0 streams=1", "pes pid=256 pts=2000 size=300 first=1");
    }

    /** A PES header announcing 65,535 bytes (or an unbounded PES) gets a buffer for what arrives, not for what is announced. */
    @Test
    void aDeclaredPesLengthIsNotAllocatedBeforeItsBytesArrive() {
        long id = Thread.currentThread().getId();
        for (boolean bounded : new boolean[] {true, false}) {
            java.util.Arrays.fill(CC, 0);
            List<byte[]> psi = psi(pmt(0, 0x1B, 0x100));
            List<byte[]> pes = pes(0x100, 0xE0, 2000, 65_527, bounded, new int[1]); // PES_packet_length 65,535 or 0
            pes.addAll(pes(0x100, 0xE0, 5600, 10, bounded, new int[] {pes.size()}));
            for (int round = 0; round < 3; round++) { // the first rounds load and compile what the last one measures
                Log log = new Log();
                TsDemuxer d = new TsDemuxer(log);
                TsPacket view = new TsPacket();
                for (byte[] p : psi) {
                    d.feedPacket(view.wrap(ByteBuffer.wrap(p), 0, 0));
                }
                ByteBuffer first = ByteBuffer.wrap(pes.get(0));
                long before = Allocation.allocatedBytes(id);
                d.feedPacket(view.wrap(first, 0, 0));
                long allocated = Allocation.allocatedBytes(id) - before;
                if (round == 2) {
                    assertThat(allocated).as("bytes allocated for the first packet of a PES (bounded " + bounded + ")")
                            .isLessThan(16 << 10);
                }
                for (byte[] p : pes.subList(1, pes.size())) {
                    d.feedPacket(view.wrap(ByteBuffer.wrap(p), 0, 0));
                }
                d.endOfInput();
                assertThat(log.events).containsExactly("pmt program=1 v0 streams=1", "pes pid=256 pts=2000 size=65527 first=1",
                        "pes pid=256 pts=5600 size=10 first=1");
            }
        }
    }

    @Test
    void pidLimitIsReported() {
        java.util.Arrays.fill(CC, 0);
        List<byte[]> packets = new ArrayList<>(psi(pmt(0, 0x1B, 0x100, 0x0F, 0x101, 0x0F, 0x102)));
        List<Anomaly<TsAnomalyKind>> anomalies = new ArrayList<>();
        TsDemuxer d = new TsDemuxer(new TsDemuxer.Listener() {
            @Override
            public void onAnomaly(Anomaly<TsAnomalyKind> anomaly) {
                anomalies.add(anomaly);
            }
        }, TsLimits.defaults().withMaxPids(4));
        d.feed(ByteBuffer.wrap(TsTestPackets.join(packets, 0, 0)));
        d.endOfInput(); // fewer than 4 packets: the framer confirms sync only at the end
        // PAT, CAT and the PMT are tracked; one stream fits, the other two do not
        assertThat(anomalies).extracting(Anomaly::kind).containsExactly(TsAnomalyKind.PID_LIMIT, TsAnomalyKind.PID_LIMIT);
        assertThat(anomalies).extracting(Anomaly::detail).containsExactly(
                "pid 0x0101: not tracked: more than 4 PIDs (see TsLimits.maxPids())",
                "pid 0x0102: not tracked: more than 4 PIDs (see TsLimits.maxPids())");
        assertThat(d.stream(0x100)).isNotNull();
        assertThat(d.stream(0x102)).isNull();
    }

    @Test
    void patWithMoreProgramsThanTheLimitIsRefused() {
        java.util.Arrays.fill(CC, 0);
        List<Pat.Program> programs = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            programs.add(new Pat.Program(i, 0x1000 + i));
        }
        ByteBuffer pat = ByteBuffer.allocate(1024);
        Pat.of(1, 0, programs).writeTo(pat);
        List<byte[]> packets = TsTestPackets.packetize(0, java.util.Arrays.copyOf(pat.array(), pat.position()), true, new int[1]);
        List<Anomaly<TsAnomalyKind>> anomalies = new ArrayList<>();
        TsDemuxer d = new TsDemuxer(new TsDemuxer.Listener() {
            @Override
            public void onAnomaly(Anomaly<TsAnomalyKind> anomaly) {
                anomalies.add(anomaly);
            }
        }, TsLimits.defaults().withMaxPrograms(4));
        d.feed(ByteBuffer.wrap(TsTestPackets.join(packets, 0, 0)));
        d.endOfInput();
        assertThat(anomalies).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(TsAnomalyKind.MALFORMED_TABLE);
            assertThat(a.detail()).isEqualTo("pid 0x0000: PAT lists 10 programs, more than 4 (see TsLimits.maxPrograms())");
        });
        assertThat(d.programs()).isEmpty();
    }

    @Test
    void outputIsIndependentOfChunking() {
        byte[] ts = java.util.Arrays.copyOf(Fixtures.bytes("mpegts/h264-aac.ts"), 120 * 188 + 77);
        List<String> whole = run(List.of(ts), Chunks.Kind.HEAP);
        assertThat(whole).anyMatch(e -> e.startsWith("TRUNCATED_PACKET"));
        for (int seed = 0; seed < 3; seed++) {
            for (Chunks.Kind kind : Chunks.Kind.values()) {
                assertThat(run(Chunks.random(ts, new Random(seed)), kind)).isEqualTo(whole);
            }
        }
        assertThat(run(Chunks.fixed(ts, 1), Chunks.Kind.DIRECT)).isEqualTo(whole);
    }

    static List<String> run(List<byte[]> pieces, Chunks.Kind kind) {
        Log log = new Log();
        TsDemuxer d = new TsDemuxer(log);
        for (byte[] piece : pieces) {
            d.feed(kind.wrap(piece));
        }
        d.endOfInput();
        return log.events;
    }

    @Test
    void demuxingFragmentsAllocatesNothing() {
        // 16 copies with continuity counters rewritten loop seamlessly: every PID's count is a multiple of 16
        byte[] one = Fixtures.bytes("mpegts/h264-aac.ts");
        byte[] loop = TsLoop.repeat(one, 16);
        ByteBuffer in = ByteBuffer.allocateDirect(loop.length).put(loop).flip();
        ByteBuffer window = in.duplicate();
        long[] sum = {0};
        List<Anomaly<TsAnomalyKind>> anomalies = new ArrayList<>();
        TsDemuxer d = new TsDemuxer(new TsDemuxer.Listener() {
            @Override
            public void onPesFragment(TsStream stream, ByteBuffer fragment) {
                sum[0] += fragment.remaining() + stream.pts();
            }

            @Override
            public void onAnomaly(Anomaly<TsAnomalyKind> anomaly) {
                anomalies.add(anomaly);
            }
        });
        int[] next = {0};
        Allocation.assertAllocatesNothing("TsDemuxer fragments, " + one.length / 188 + " packets per run", 2000, 400, 0, () -> {
            int from = next[0] * one.length;
            window.limit(from + one.length).position(from);
            d.feed(window);
            next[0] = (next[0] + 1) % 16;
        });
        assertThat(anomalies).isEmpty();
        assertThat(sum[0]).isPositive();
    }
}

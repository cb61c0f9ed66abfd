package io.streamwire.mpegts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.Anomaly;
import io.streamwire.core.StreamDecoder;
import io.streamwire.mpegts.psi.Pat;
import io.streamwire.mpegts.psi.Pmt;
import io.streamwire.mpegts.psi.SpliceInfoSection;
import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The {@link StreamDecoder} lifecycle of {@link TsDemuxer} and {@link TsFramer}, rule by rule. */
class TsDemuxerLifecycleTest {

    static final byte[] TS = Arrays.copyOf(Fixtures.bytes("mpegts/h264-aac.ts"), 60 * 188);

    static Stream<Arguments> decoders() {
        Function<List<String>, StreamDecoder> demuxer = events -> new TsDemuxer(new TsDemuxer.Listener() {
            @Override
            public void onPmt(Pmt pmt) {
                events.add("pmt");
            }

            @Override
            public void onAnomaly(Anomaly<TsAnomalyKind> anomaly) {
                events.add(anomaly.kind().name());
            }
        });
        Function<List<String>, StreamDecoder> framer = events -> new TsFramer(new TsFramer.Listener() {
            @Override
            public void onPacket(TsPacket packet) {
                events.add("packet");
            }

            @Override
            public void onAnomaly(Anomaly<TsAnomalyKind> anomaly) {
                events.add(anomaly.kind().name());
            }
        });
        return Stream.of(Arguments.of("TsDemuxer", demuxer), Arguments.of("TsFramer", framer));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decoders")
    void endOfInputTwiceDoesNothingAndFeedAfterItThrows(String name, Function<List<String>, StreamDecoder> factory) {
        List<String> events = new ArrayList<>();
        StreamDecoder d = factory.apply(events);
        d.feed(ByteBuffer.wrap(TS, 0, 1000));
        d.feed(ByteBuffer.wrap(TS, 1000, TS.length - 1000 - 50)); // a partial packet waits for more
        assertThat(d.position()).isEqualTo(TS.length - 50);
        d.endOfInput();
        List<String> afterFirst = List.copyOf(events);
        assertThat(afterFirst).last().isEqualTo("TRUNCATED_PACKET");
        d.endOfInput();
        assertThat(events).isEqualTo(afterFirst);
        assertThatThrownBy(() -> d.feed(ByteBuffer.wrap(TS))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(name + ".feed() after endOfInput()");
        assertThatThrownBy(() -> d.feed(ByteBuffer.allocate(0))).isInstanceOf(IllegalStateException.class);
        assertThat(d.position()).isEqualTo(TS.length - 50);
        d.reset();
        assertThat(d.position()).isZero();
        events.clear();
        d.feed(ByteBuffer.wrap(TS, 0, TS.length - 50));
        d.endOfInput();
        assertThat(events).isEqualTo(afterFirst);
    }

    /** The contract allows read-only buffers (the test kit's split kinds have none): the events are the same. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("decoders")
    void readOnlyBuffersGiveTheSameEvents(String name, Function<List<String>, StreamDecoder> factory) {
        List<String> expected = new ArrayList<>();
        StreamDecoder heap = factory.apply(expected);
        heap.feed(ByteBuffer.wrap(TS));
        heap.endOfInput();
        List<String> events = new ArrayList<>();
        StreamDecoder d = factory.apply(events);
        ByteBuffer direct = ByteBuffer.allocateDirect(TS.length).put(TS).flip();
        for (int at = 0; at < TS.length; at += 1000) {
            ByteBuffer piece = (at % 2000 == 0 ? ByteBuffer.wrap(TS) : direct.duplicate()).asReadOnlyBuffer();
            piece.limit(Math.min(TS.length, at + 1000)).position(at);
            d.feed(piece);
            assertThat(piece.hasRemaining()).isFalse();
        }
        d.endOfInput();
        assertThat(events).isEqualTo(expected).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decoders")
    void badInputNeverThrows(String name, Function<List<String>, StreamDecoder> factory) {
        byte[] noise = new byte[5000];
        new java.util.Random(7).nextBytes(noise);
        List<String> events = new ArrayList<>();
        StreamDecoder d = factory.apply(events);
        d.feed(ByteBuffer.wrap(noise));
        d.endOfInput();
        assertThat(events).isNotEmpty().allMatch(e -> e.equals("LOST_SYNC") || e.equals("MALFORMED_PACKET")
                || e.equals("TRUNCATED_PACKET") || e.equals("packet") || e.equals("CONTINUITY_GAP"));
    }

    /** Thrown by a listener: must come out of feed unchanged and fail the decoder. */
    static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super("listener stops");
        }
    }

    @Test
    void aListenerExceptionFailsTheDemuxerUntilReset() {
        int[] pmts = {0};
        TsDemuxer d = new TsDemuxer(new TsDemuxer.Listener() {
            @Override
            public void onPmt(Pmt pmt) {
                if (pmts[0]++ == 0) {
                    throw new Stop();
                }
            }
        });
        // not caught as a bad table: the exception comes out as it was thrown
        assertThatThrownBy(() -> d.feed(ByteBuffer.wrap(TS))).isExactlyInstanceOf(Stop.class);
        for (Runnable call : List.<Runnable>of(() -> d.feed(ByteBuffer.wrap(TS)), d::endOfInput,
                () -> d.feedPacket(new TsPacket().wrap(ByteBuffer.wrap(TS), 0, 0)))) {
            assertThatThrownBy(call::run).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("after a failure").hasMessageContaining("listener stops").hasCauseExactlyInstanceOf(Stop.class);
        }
        assertThat(d.packetCount()).isPositive(); // the accessors answer in every state
        d.reset();
        d.feed(ByteBuffer.wrap(TS));
        d.endOfInput();
        assertThat(pmts[0]).isEqualTo(1 + 1); // onPmt is called for a new or changed PMT, not for its repeats
    }

    @Test
    void aListenerExceptionFromAnAnomalyFailsTheFramer() {
        byte[] cut = Arrays.copyOf(TS, 10 * 188 + 5);
        TsFramer framer = new TsFramer(new TsFramer.Listener() {
            @Override
            public void onPacket(TsPacket packet) {}

            @Override
            public void onAnomaly(Anomaly<TsAnomalyKind> anomaly) {
                throw new TsException("anomaly " + anomaly.kind(), anomaly.detail(), anomaly.offset(), null);
            }
        });
        framer.feed(ByteBuffer.wrap(cut));
        assertThatThrownBy(framer::endOfInput).isInstanceOfSatisfying(TsException.class, e -> {
            assertThat(e.field()).isEqualTo("anomaly TRUNCATED_PACKET");
            assertThat(e.offset()).isEqualTo(10 * 188);
        });
        assertThatThrownBy(framer::endOfInput).isInstanceOf(IllegalStateException.class).hasCauseInstanceOf(TsException.class);
        assertThatThrownBy(() -> framer.feed(ByteBuffer.wrap(TS))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aListenerExceptionFromOnSpliceOrOnPatIsNotTakenForABadTable() {
        List<byte[]> packets = new ArrayList<>();
        int[] cc = new int[8192];
        int[] c0 = {0};
        ByteBuffer pat = ByteBuffer.allocate(1024);
        Pat.of(1, 0, List.of(new Pat.Program(1, 0x1000))).writeTo(pat);
        packets.addAll(TsTestPackets.packetize(0, Arrays.copyOf(pat.array(), pat.position()), true, c0));
        ByteBuffer pmt = ByteBuffer.allocate(1024);
        new Pmt(1, 0, true, 0x1FFF, List.of(), List.of(new Pmt.Stream(0x86, 0x500, List.of()))).writeTo(pmt);
        int[] c1 = {0};
        packets.addAll(TsTestPackets.packetize(0x1000, Arrays.copyOf(pmt.array(), pmt.position()), true, c1));
        ByteBuffer splice = ByteBuffer.allocate(1024);
        new SpliceInfoSection(0, 0, 0, 0, 0xFFF, new SpliceInfoSection.SpliceNull(), List.of()).writeTo(splice);
        int[] c2 = {0};
        packets.addAll(TsTestPackets.packetize(0x500, Arrays.copyOf(splice.array(), splice.position()), true, c2));
        byte[] ts = TsTestPackets.join(packets, 0, 0);
        assertThat(cc[0]).isZero();

        List<String> seen = new ArrayList<>();
        TsDemuxer splices = new TsDemuxer(new TsDemuxer.Listener() {
            @Override
            public void onSplice(TsStream stream, SpliceInfoSection section) {
                seen.add("splice");
                throw new Stop();
            }

            @Override
            public void onAnomaly(Anomaly<TsAnomalyKind> anomaly) {
                seen.add(anomaly.kind().name());
            }
        });
        splices.feed(ByteBuffer.wrap(ts));
        assertThatThrownBy(splices::endOfInput).isExactlyInstanceOf(Stop.class); // 3 packets: framed at the end
        assertThat(seen).containsExactly("splice");

        TsDemuxer pats = new TsDemuxer(new TsDemuxer.Listener() {
            @Override
            public void onPat(Pat p) {
                throw new Stop();
            }

            @Override
            public void onAnomaly(Anomaly<TsAnomalyKind> anomaly) {
                seen.add(anomaly.kind().name());
            }
        });
        pats.feed(ByteBuffer.wrap(ts));
        assertThatThrownBy(pats::endOfInput).isExactlyInstanceOf(Stop.class);
        assertThat(seen).containsExactly("splice");
    }

    @Test
    void feedPacketDemuxesWithoutMovingThePosition() {
        List<String> events = new ArrayList<>();
        TsDemuxer d = new TsDemuxer(new TsDemuxer.Listener() {
            @Override
            public void onPmt(Pmt pmt) {
                events.add("pmt " + pmt.programNumber());
            }
        });
        TsPacket view = new TsPacket();
        ByteBuffer all = ByteBuffer.wrap(TS);
        for (int at = 0; at < TS.length; at += 188) {
            d.feedPacket(view.wrap(all, at, at));
        }
        assertThat(events).containsExactly("pmt 1");
        assertThat(d.position()).isZero();
        assertThat(d.packetCount()).isZero();
        d.endOfInput();
        assertThatThrownBy(() -> d.feedPacket(view.wrap(all, 0, 0))).isInstanceOf(IllegalStateException.class);
    }
}

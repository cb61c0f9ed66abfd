package io.streamwire.rtmp;

import static io.streamwire.rtmp.ChunkDecoderTest.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.amf.AmfLimits;
import io.streamwire.core.LimitExceededException;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.testkit.Allocation;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Message lengths that announce more than arrives: reassembly memory grows with the bytes that
 * arrive, never to the declared length before them (RTMP 1.0 §5.3.1.2.1, 24-bit message length).
 */
class RtmpHostileSizeTest {
    /** A type-0 header declaring a 16,777,215-byte video message, then one payload byte. */
    static final byte[] HUGE_MESSAGE = hex("03 000000 ffffff 09 01000000 17");

    /** Runs every path once, so that class loading and first-use work stay out of the measurements. */
    @org.junit.jupiter.api.BeforeAll
    static void warmUp() {
        new ChunkDecoder((cs, ts, t, s, p) -> { }, RtmpLimits.defaults()).feed(ByteBuffer.wrap(HUGE_MESSAGE));
        RtmpErrorOffsetTest.handshaken(new ServerSession.Listener() { }).feed(ByteBuffer.wrap(HUGE_MESSAGE));
        try {
            new ChunkDecoder((cs, ts, t, s, p) -> { }, RtmpLimits.defaults().withMaxMessageLength(1 << 16))
                    .feed(ByteBuffer.wrap(HUGE_MESSAGE));
        } catch (LimitExceededException expected) {
            // the limit path
        }
        try {
            AggregateMessage.split(0, 1, ByteBuffer.wrap(hex("09 ffffff 000000 00 000000 17")), RtmpLimits.defaults(), 0,
                    (ts, type, sid, body) -> { });
        } catch (RtmpException expected) {
            // the overrun path
        }
    }

    private static long allocated(Runnable work) {
        long id = Thread.currentThread().getId();
        long before = Allocation.allocatedBytes(id);
        work.run();
        return Allocation.allocatedBytes(id) - before;
    }

    @Test
    void chunkDecodersDoNotAllocateADeclaredMessageBeforeItsBytes() {
        List<ChunkDecoder> alive = new ArrayList<>();
        long bytes = allocated(() -> {
            for (int i = 0; i < 8; i++) {
                ChunkDecoder d = new ChunkDecoder((cs, ts, t, s, p) -> { }, RtmpLimits.defaults());
                d.feed(ByteBuffer.wrap(HUGE_MESSAGE));
                alive.add(d);
            }
        });
        assertThat(bytes).as("8 decoders fed a 16 MB declaration and 1 byte").isLessThan(1 << 20);
        assertThatThrownBy(alive.get(0)::endOfInput).isInstanceOfSatisfying(TruncatedInputException.class, e -> {
            assertThat(e.module()).isEqualTo("rtmp");
            assertThat(e.offset()).isEqualTo(13L);
        });
    }

    @Test
    void serverSessionsDoNotAllocateADeclaredMessageBeforeItsBytes() {
        List<ServerSession> alive = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            alive.add(RtmpErrorOffsetTest.handshaken(new ServerSession.Listener() { }));
        }
        long bytes = allocated(() -> alive.forEach(s -> s.feed(ByteBuffer.wrap(HUGE_MESSAGE))));
        assertThat(bytes).as("8 sessions fed a 16 MB declaration and 1 byte").isLessThan(1 << 20);
        assertThat(alive.get(0).position()).isEqualTo(3073 + 13);
    }

    @Test
    void theReassemblyBufferGrowsWithTheMessageAsItArrives() {
        // chunk size 65536, then a 16 MB message of which 1 MiB arrives
        ChunkDecoder d = new ChunkDecoder((cs, ts, t, s, p) -> { }, RtmpLimits.defaults());
        d.feed(ByteBuffer.wrap(hex("02 000000 000004 01 00000000 00010000")));
        byte[] chunk = new byte[65536];
        long bytes = allocated(() -> {
            d.feed(ByteBuffer.wrap(hex("03 000000 ffffff 09 01000000")));
            d.feed(ByteBuffer.wrap(chunk));
            for (int i = 1; i < 16; i++) {
                d.feed(ByteBuffer.wrap(hex("c3")));
                d.feed(ByteBuffer.wrap(chunk));
            }
        });
        assertThat(bytes).isLessThan(3L << 20);
    }

    @Test
    void aMessageLengthPastTheLimitFailsAtItsFieldBeforeAllocating() {
        ServerSession s = new ServerSession(new ServerSession.Listener() { }, RtmpLimits.defaults().withMaxMessageLength(1 << 16),
                AmfLimits.defaults(), new java.util.Random(5));
        ClientHandshake hs = new ClientHandshake(false, new java.util.Random(6));
        s.feed(hs.takeOutbound());
        hs.read(s.pollOutbound());
        s.feed(hs.takeOutbound());
        long[] bytes = {0};
        long id = Thread.currentThread().getId();
        long before = Allocation.allocatedBytes(id);
        assertThatThrownBy(() -> s.feed(ByteBuffer.wrap(HUGE_MESSAGE))).isInstanceOfSatisfying(
                LimitExceededException.class, e -> {
                    bytes[0] = Allocation.allocatedBytes(id) - before;
                    assertThat(e.limitName()).isEqualTo("RtmpLimits.maxMessageLength()");
                    assertThat(e.field()).isEqualTo("message length");
                    assertThat(e.actual()).isEqualTo(0xFF_FFFFL);
                    assertThat(e.offset()).isEqualTo(3073 + 4L);
                });
        assertThat(bytes[0]).isLessThan(256 * 1024);
    }

    @Test
    void anAggregateSubMessageSizePastThePayloadFailsWithoutAllocating() {
        // one sub-message declaring 16 MB inside a 12-byte aggregate
        byte[] aggregate = hex("09 ffffff 000000 00 000000 17");
        List<Throwable> errors = new ArrayList<>();
        long bytes = allocated(() -> {
            try {
                AggregateMessage.split(0, 1, ByteBuffer.wrap(aggregate), RtmpLimits.defaults(), 500,
                        (ts, type, sid, body) -> { });
            } catch (RtmpException e) {
                errors.add(e);
            }
        });
        assertThat(bytes).isLessThan(256 * 1024);
        assertThat(errors).singleElement().isInstanceOfSatisfying(RtmpException.class, e -> {
            assertThat(e.field()).isEqualTo("aggregate sub-message data size");
            assertThat(e.offset()).isEqualTo(501L);
        });
    }
}

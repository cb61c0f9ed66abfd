package io.streamwire.rtmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.StreamwireException;
import io.streamwire.testkit.Chunks;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ChunkEncoderTest {

    private static String hex(ByteBuffer b) {
        byte[] bytes = new byte[b.remaining()];
        b.duplicate().get(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void picksTheSmallestHeaderLikeSpecExample1() {
        ChunkEncoder encoder = new ChunkEncoder();
        byte[] a = new byte[32];
        assertThat(hex(encoder.encode(3, 1000, 8, 12345, ByteBuffer.wrap(a)))).startsWith("030003e80000200839300000");
        assertThat(hex(encoder.encode(3, 1020, 8, 12345, ByteBuffer.wrap(a)))).startsWith("83000014"); // fmt 2 after fmt 0
        assertThat(hex(encoder.encode(3, 1040, 8, 12345, ByteBuffer.wrap(a)))).startsWith("c3").hasSize(2 + 64); // fmt 3
        assertThat(hex(encoder.encode(3, 1060, 9, 12345, ByteBuffer.wrap(new byte[33])))).startsWith("4300001400002109"); // fmt 1
        assertThat(hex(encoder.encode(3, 1000, 9, 12345, ByteBuffer.wrap(new byte[33])))).startsWith("03"); // backwards: fmt 0
        assertThat(hex(encoder.encode(3, 1000, 9, 1, ByteBuffer.wrap(new byte[33])))).startsWith("03"); // new stream: fmt 0
    }

    @Test
    void cutsAt128AndRepeatsExtendedTimestamps() {
        ChunkEncoder encoder = new ChunkEncoder();
        ByteBuffer out = encoder.encode(4, 0x1000000L, 9, 1, ByteBuffer.wrap(new byte[300]));
        // 12 + 4 header, 128, c4 + ext, 128, c4 + ext, 44
        assertThat(out.remaining()).isEqualTo(16 + 128 + 5 + 128 + 5 + 44);
        assertThat(hex(out)).startsWith("04ffffff00012c090100000001000000");
        assertThat(out.get(16 + 128)).isEqualTo((byte) 0xC4);
        assertThat(out.getInt(16 + 128 + 1)).isEqualTo(0x1000000);
    }

    @Test
    void payloadPositionIsNotMoved() {
        ByteBuffer payload = ByteBuffer.wrap(new byte[10]).position(3);
        new ChunkEncoder().encode(3, 0, 20, 0, payload);
        assertThat(payload.position()).isEqualTo(3);
    }

    @Test
    void sharedMessageDecodesOnEveryConnection() {
        ChunkEncoder relay = new ChunkEncoder();
        relay.setChunkSize(4096);
        byte[] video = new byte[10_000];
        new Random(1).nextBytes(video);
        EncodedMessage shared = relay.encodeShared(6, 40, 9, 1, ByteBuffer.wrap(video));
        for (int player = 0; player < 3; player++) {
            ChunkEncoder connection = new ChunkEncoder();
            ByteBuffer out = ByteBuffer.allocate(30_000);
            connection.writeSetChunkSize(4096, out);
            if (player == 1) {
                connection.encode(6, 0, 9, 1, ByteBuffer.wrap(new byte[5]), out); // something earlier on cs 6
            }
            out.put(connection.sendShared(shared));
            connection.encode(6, 80, 9, 1, ByteBuffer.wrap(video), out); // compresses against the shared one
            Msg.Sink sink = new Msg.Sink();
            new ChunkDecoder(sink, RtmpLimits.defaults()).feed(out.flip());
            List<Msg> last2 = sink.messages.subList(sink.messages.size() - 2, sink.messages.size());
            assertThat(last2).containsExactly(new Msg(6, 40, 9, 1, video), new Msg(6, 80, 9, 1, video));
        }
    }

    @Test
    void sharedMessageIsRestampedForPlayersOnOtherStreamIds() {
        ChunkEncoder relay = new ChunkEncoder();
        relay.setChunkSize(4096);
        byte[] video = new byte[10_000];
        new Random(3).nextBytes(video);
        for (long ts : new long[] {40, 0x1000000L}) {
            for (int csid : new int[] {6, 100, 4000}) {
                EncodedMessage shared = relay.encodeShared(csid, ts, 9, 1, ByteBuffer.wrap(video));
                byte[] before = new byte[shared.encodedSize()];
                shared.bytes().get(before);
                for (int streamId : new int[] {1, 3, 0x01020304}) { // two players on other ids than the encoding's
                    ChunkEncoder connection = new ChunkEncoder();
                    ByteBuffer out = ByteBuffer.allocate(30_000);
                    connection.writeSetChunkSize(4096, out);
                    connection.encode(csid, 0, 9, streamId, ByteBuffer.wrap(new byte[5]), out); // earlier on this cs
                    ByteBuffer header = ByteBuffer.allocate(shared.firstHeaderSize());
                    ByteBuffer rest = connection.sendShared(shared, streamId, header);
                    assertThat(header.hasRemaining()).isFalse();
                    assertThat(header.position() + rest.remaining()).isEqualTo(shared.encodedSize());
                    out.put(header.flip()).put(rest);
                    connection.encode(csid, ts + 40, 9, streamId, ByteBuffer.wrap(video), out); // compresses
                    Msg.Sink sink = new Msg.Sink();
                    new ChunkDecoder(sink, RtmpLimits.defaults()).feed(out.flip());
                    assertThat(sink.messages.subList(1, sink.messages.size())).containsExactly(
                            new Msg(csid, 0, 9, streamId, new byte[5]),
                            new Msg(csid, ts, 9, streamId, video), new Msg(csid, ts + 40, 9, streamId, video));
                }
                byte[] after = new byte[shared.encodedSize()];
                shared.bytes().get(after);
                assertThat(after).as("the shared bytes are not touched").isEqualTo(before);
            }
        }
    }

    @Test
    void restampedHeaderWithTheSameStreamIdGivesTheSharedBytes() {
        ChunkEncoder relay = new ChunkEncoder();
        EncodedMessage shared = relay.encodeShared(7, 1234, 8, 1, ByteBuffer.wrap(new byte[300]));
        ByteBuffer header = ByteBuffer.allocate(40);
        ByteBuffer rest = new ChunkEncoder().sendShared(shared, 1, header);
        ByteBuffer joined = ByteBuffer.allocate(shared.encodedSize()).put(header.flip()).put(rest).flip();
        assertThat(joined).isEqualTo(shared.bytes());
        assertThatThrownBy(() -> new ChunkEncoder().sendShared(shared, 2, ByteBuffer.allocate(11)))
                .isInstanceOf(java.nio.BufferOverflowException.class);
        ChunkEncoder other = new ChunkEncoder();
        other.setChunkSize(4096);
        assertThatThrownBy(() -> other.sendShared(shared, 2, ByteBuffer.allocate(40)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 200)
    void sharedMessageInACallersBufferHasTheSameBytes(@ForAll @Size(max = 9000) byte[] body,
            @ForAll @IntRange(min = 0, max = 0x1FFFFFF) int timestamp, @ForAll @IntRange(max = 64) int offset,
            @ForAll boolean direct) {
        ChunkEncoder encoder = new ChunkEncoder();
        encoder.setChunkSize(4096);
        EncodedMessage heap = encoder.encodeShared(6, timestamp, 9, 1, ByteBuffer.wrap(body));
        ByteBuffer body2 = ByteBuffer.wrap(body);
        EncodedMessage given = encoder.encodeShared(6, timestamp, 9, 1, body2, n -> {
            ByteBuffer b = direct ? ByteBuffer.allocateDirect(n + offset + 7) : ByteBuffer.allocate(n + offset + 7);
            return b.position(offset);
        });
        assertThat(given.bytes()).isEqualTo(heap.bytes());
        assertThat(given.bytes().isDirect()).isEqualTo(direct);
        assertThat(given.payload()).isEqualTo(ByteBuffer.wrap(body));
        assertThat(body2.position()).isZero();
        assertThat(ServerSession.shareMedia(1, 9, timestamp, ByteBuffer.wrap(body), ByteBuffer::allocateDirect).bytes())
                .isEqualTo(ServerSession.shareMedia(9, timestamp, ByteBuffer.wrap(body)).bytes());
    }

    @Test
    void aBufferTooSmallOrReadOnlyIsRefused() {
        ChunkEncoder encoder = new ChunkEncoder();
        ByteBuffer body = ByteBuffer.wrap(new byte[300]);
        assertThatThrownBy(() -> encoder.encodeShared(6, 0, 9, 1, body, n -> ByteBuffer.allocate(n - 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bytes");
        assertThatThrownBy(() -> encoder.encodeShared(6, 0, 9, 1, body, n -> ByteBuffer.allocate(n).asReadOnlyBuffer()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("read-only");
        assertThatThrownBy(() -> encoder.encodeShared(6, 0, 9, 1, body, n -> null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
    }

    @Test
    void sharedMessageGivesItsPayloadBack() {
        ChunkEncoder encoder = new ChunkEncoder();
        encoder.setChunkSize(100);
        byte[] body = new byte[1234];
        new Random(2).nextBytes(body);
        for (long ts : new long[] {5, 0x1000000L}) {
            for (int csid : new int[] {6, 100, 4000}) {
                EncodedMessage m = encoder.encodeShared(csid, ts, 9, 1, ByteBuffer.wrap(body));
                ByteBuffer payload = m.payload();
                byte[] back = new byte[payload.remaining()];
                payload.get(back);
                assertThat(back).isEqualTo(body);
            }
        }
    }

    record Out(int csid, long timestamp, int type, int streamId, byte[] payload, int chunkSizeBefore) {}

    @Provide
    Arbitrary<List<Out>> messages() {
        Arbitrary<Out> one = Combinators.combine(
                Arbitraries.of(2, 3, 4, 5, 63, 64, 319, 320, 65599),
                Arbitraries.oneOf(Arbitraries.longs().between(0, 100), Arbitraries.longs().between(0xFFFF00L, 0x1000100L),
                        Arbitraries.longs().between(0, 0xFFFFFFFFL)),
                Arbitraries.of(8, 9, 18, 20),
                Arbitraries.of(0, 1, 7),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(700),
                Arbitraries.of(0, 0, 0, 1, 7, 128, 4096))
                .as(Out::new);
        return one.list().ofMaxSize(25);
    }

    /** Property 1: decode(encode(messages)) == messages, at any chunk size, fed in any split. */
    @Property(tries = 300)
    void decodingWhatWasEncodedGivesItBack(@ForAll("messages") List<Out> messages, @ForAll @IntRange(max = 10_000) int seed) {
        ChunkEncoder encoder = new ChunkEncoder();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        List<Msg> expected = new ArrayList<>();
        for (Out m : messages) {
            if (m.chunkSizeBefore() > 0) {
                ByteBuffer out = ByteBuffer.allocate(64);
                encoder.writeSetChunkSize(m.chunkSizeBefore(), out);
                wire.write(out.array(), 0, out.position());
                expected.add(new Msg(2, 0, 1, 0, ByteBuffer.allocate(4).putInt(m.chunkSizeBefore()).array()));
            }
            ByteBuffer out = encoder.encode(m.csid(), m.timestamp(), m.type(), m.streamId(), ByteBuffer.wrap(m.payload()));
            wire.write(out.array(), 0, out.limit());
            expected.add(new Msg(m.csid(), m.timestamp(), m.type(), m.streamId(), m.payload()));
        }
        byte[] bytes = wire.toByteArray();
        Random random = new Random(seed);
        Chunks.Kind kind = Chunks.Kind.values()[seed % 4];
        assertThat(Msg.decode(Chunks.random(bytes, random), kind, RtmpLimits.defaults())).isEqualTo(expected);
        assertThat(Msg.decode(List.of(bytes), kind, RtmpLimits.defaults())).isEqualTo(expected);
    }

    /** Property 2: random and mutated bytes only ever raise the module's exceptions (module "rtmp"). */
    @Property(tries = 2000)
    void garbageOnlyRaisesRtmpModuleExceptions(@ForAll @Size(max = 300) byte[] garbage) {
        ChunkDecoder decoder = new ChunkDecoder((c, t, y, s, p) -> { }, RtmpLimits.defaults().withMaxMessageLength(1 << 16));
        try {
            decoder.feed(ByteBuffer.wrap(garbage));
            decoder.endOfInput();
        } catch (StreamwireException expected) {
            assertThat(expected.module()).isEqualTo("rtmp");
        }
    }
}

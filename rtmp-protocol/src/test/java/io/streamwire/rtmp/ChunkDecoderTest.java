package io.streamwire.rtmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.LimitExceededException;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.testkit.Chunks;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChunkDecoderTest {

    /** One case: chunk bytes and the messages they carry. */
    record Case(String name, byte[] bytes, List<Msg> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", "").replace("|", ""));
    }

    static byte[] fill(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed + i * 7);
        }
        return bytes;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // RTMP 1.0 §5.3.2.1 example 1: four 32-byte audio messages on cs 3, stream 12345, timestamps 1000, +20, +20, +20
        byte[] a = fill(32, 1);
        cases.add(new Case("spec-5.3.2.1-audio", concat(
                hex("03 | 0003e8 | 000020 | 08 | 39300000"), a,   // fmt 0, ts 1000, len 32, type 8, stream 12345 LE
                hex("83 | 000014"), a,                               // fmt 2, delta 20
                hex("c3"), a,                                        // fmt 3
                hex("c3"), a),
                List.of(new Msg(3, 1000, 8, 12345, a), new Msg(3, 1020, 8, 12345, a), new Msg(3, 1040, 8, 12345, a),
                        new Msg(3, 1060, 8, 12345, a))));
        // §5.3.2.2 example 2: one 307-byte video message in chunks of 128: fmt 0, fmt 3, fmt 3
        byte[] v = fill(307, 9);
        cases.add(new Case("spec-5.3.2.2-video-3-chunks", concat(
                hex("04 | 0003e8 | 000133 | 09 | 39300000"), java.util.Arrays.copyOfRange(v, 0, 128),
                hex("c4"), java.util.Arrays.copyOfRange(v, 128, 256),
                hex("c4"), java.util.Arrays.copyOfRange(v, 256, 307)),
                List.of(new Msg(4, 1000, 9, 12345, v))));
        // two messages interleaved chunk by chunk on cs 4 and 6, with 2- and 3-byte basic headers too
        byte[] x = fill(200, 3);
        byte[] y = fill(150, 5);
        cases.add(new Case("interleaved-cs-4-and-320", concat(
                hex("04 | 000010 | 0000c8 | 09 | 01000000"), java.util.Arrays.copyOfRange(x, 0, 128),
                hex("01 0001 | 000011 | 000096 | 08 | 01000000"), java.util.Arrays.copyOfRange(y, 0, 128),
                hex("c4"), java.util.Arrays.copyOfRange(x, 128, 200),
                hex("c1 0001"), java.util.Arrays.copyOfRange(y, 128, 150)),
                List.of(new Msg(4, 16, 9, 1, x), new Msg(320, 17, 8, 1, y))));
        // Set Chunk Size 4096 then a 300-byte message in one chunk; fmt 1 keeps the stream id
        byte[] m = fill(300, 11);
        cases.add(new Case("set-chunk-size-then-one-chunk", concat(
                hex("02 | 000000 | 000004 | 01 | 00000000 | 00001000"),
                hex("05 | 000000 | 000003 | 14 | 00000000 | 020001"),
                hex("45 | 000005 | 00012c | 12"), m),
                List.of(new Msg(2, 0, 1, 0, hex("00001000")), new Msg(5, 0, 20, 0, hex("020001")),
                        new Msg(5, 5, 18, 0, m))));
        // extended timestamp 0x01000000 (2^24 ms) with the field repeated on the type-3 chunk (Flash, FMS, ffmpeg)
        byte[] big = fill(130, 2);
        cases.add(new Case("extended-timestamp-repeated-on-type-3", concat(
                hex("06 | ffffff | 000082 | 09 | 01000000 | 01000000"), java.util.Arrays.copyOfRange(big, 0, 128),
                hex("c6 | 01000000"), java.util.Arrays.copyOfRange(big, 128, 130)),
                List.of(new Msg(6, 0x01000000L, 9, 1, big))));
        // the same without the repeat on the type-3 chunk (the 4 h 39 min bug of other decoders)
        cases.add(new Case("extended-timestamp-not-repeated-on-type-3", concat(
                hex("06 | ffffff | 000082 | 09 | 01000000 | 01000000"), java.util.Arrays.copyOfRange(big, 0, 128),
                hex("c6"), java.util.Arrays.copyOfRange(big, 128, 130)),
                List.of(new Msg(6, 0x01000000L, 9, 1, big))));
        // a new message by type 3 after an extended delta, repeated and then not repeated
        byte[] s = fill(4, 1);
        cases.add(new Case("type-3-new-messages-after-extended-delta", concat(
                hex("07 | 000064 | 000004 | 08 | 01000000"), s,                // ts 100
                hex("87 | ffffff | 01000000"), s,                              // fmt 2 delta 2^24
                hex("c7 | 01000000"), s,                                        // fmt 3 repeated delta
                hex("c7"), s),                                                   // fmt 3, not repeated
                List.of(new Msg(7, 100, 8, 1, s), new Msg(7, 100 + 0x1000000L, 8, 1, s),
                        new Msg(7, 100 + 0x2000000L, 8, 1, s), new Msg(7, 100 + 0x3000000L, 8, 1, s))));
        // type 3 after an extended timestamp, not repeated, whose 1-byte payload and the next header
        // look like the start of the repeated field (found by Jazzer: bytes carried across feeds)
        cases.add(new Case("short-type-3-then-header-that-resembles-extended-timestamp", concat(
                hex("06 | ffffff | 000001 | 09 | 01000000 | 01000000 | aa"),
                hex("c6 | 01"),
                hex("00 00 | 050000 | 000001 | 08 | 01000000 | cc")),
                List.of(new Msg(6, 0x1000000L, 9, 1, hex("aa")), new Msg(6, 0x2000000L, 9, 1, hex("01")),
                        new Msg(64, 0x050000L, 8, 1, hex("cc")))));
        // a zero-length type-3 message whose carried bytes were not payload, then reassembly on the
        // same chunk stream (found by Jazzer: a zero-capacity buffer that never grew, an endless loop)
        byte[] later = fill(200, 8);
        cases.add(new Case("zero-length-type-3-then-reassembly", concat(
                hex("06 | ffffff | 000000 | 09 | 01000000 | 01000000"),
                hex("c6"),
                hex("01 0000 | 050000 | 000001 | 08 | 01000000 | cc"),
                hex("06 | 000000 | 0000c8 | 09 | 01000000"), java.util.Arrays.copyOfRange(later, 0, 128),
                hex("c6"), java.util.Arrays.copyOfRange(later, 128, 200)),
                List.of(new Msg(6, 0x1000000L, 9, 1, new byte[0]), new Msg(6, 0x2000000L, 9, 1, new byte[0]),
                        new Msg(64, 0x050000L, 8, 1, hex("cc")), new Msg(6, 0, 9, 1, later))));
        // timestamps wrap at 2^32
        cases.add(new Case("timestamp-wraps-at-2^32", concat(
                hex("08 | ffffff | 000001 | 08 | 01000000 | fffffff0 | aa"),
                hex("88 | 000020 | bb")),
                List.of(new Msg(8, 0xFFFFFFF0L, 8, 1, hex("aa")), new Msg(8, 0x10, 8, 1, hex("bb")))));
        // Abort drops the half-received message on cs 4; the next message there arrives whole
        byte[] part = fill(128, 4);
        cases.add(new Case("abort-drops-partial-message", concat(
                hex("04 | 000000 | 000100 | 09 | 01000000"), part,
                hex("02 | 000000 | 000004 | 02 | 00000000 | 00000004"),
                hex("04 | 000000 | 000002 | 09 | 01000000 | cafe")),
                List.of(new Msg(2, 0, 2, 0, hex("00000004")), new Msg(4, 0, 9, 1, hex("cafe")))));
        // Abort of a chunk stream with nothing pending (never used, then cs 2 itself): nothing changes, decoding goes on
        cases.add(new Case("abort-with-nothing-pending-is-a-no-op", concat(
                hex("02 | 000000 | 000004 | 02 | 00000000 | 00000007"),
                hex("02 | 000000 | 000004 | 02 | 00000000 | 00000002"),
                hex("03 | 000000 | 000002 | 09 | 01000000 | cafe")),
                List.of(new Msg(2, 0, 2, 0, hex("00000007")), new Msg(2, 0, 2, 0, hex("00000002")),
                        new Msg(3, 0, 9, 1, hex("cafe")))));
        // zero-length message
        cases.add(new Case("zero-length-message", hex("03 | 000000 | 000000 | 12 | 00000000"),
                List.of(new Msg(3, 0, 18, 0, new byte[0]))));
        return cases;
    }

    static Stream<Arguments> everySplit() {
        List<Arguments> args = new ArrayList<>();
        for (Case c : cases()) {
            for (Chunks.Kind kind : Chunks.Kind.values()) {
                args.add(Arguments.of(c, kind));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everySplit")
    void decodesTheSameHoweverSplit(Case c, Chunks.Kind kind) {
        for (Chunks.Split split : Chunks.splits(c.bytes(), 42)) {
            assertThat(Msg.decode(split.pieces(), kind, RtmpLimits.defaults())).as(split.name()).isEqualTo(c.expected());
        }
    }

    @Test
    void oneChunkMessageIsTheInputBufferItself() {
        ByteBuffer in = ByteBuffer.wrap(hex("03 | 000000 | 000002 | 14 | 00000000 | 0102 | 03 | 000000 | 000001 | 14 | 00000000"));
        List<ByteBuffer> seen = new ArrayList<>();
        new ChunkDecoder((cs, ts, type, sid, payload) -> {
            seen.add(payload);
            assertThat(payload.position()).isEqualTo(12);
            assertThat(payload.remaining()).isEqualTo(2);
        }, RtmpLimits.defaults()).feed(in);
        assertThat(seen).hasSize(1).first().isSameAs(in);
        assertThat(in.position()).isEqualTo(in.limit());
    }

    @Test
    void typeOneWithoutPreviousHeaderFails() {
        ChunkDecoder decoder = new ChunkDecoder((cs, ts, t, s, p) -> { }, RtmpLimits.defaults());
        assertThatThrownBy(() -> decoder.feed(ByteBuffer.wrap(hex("43 000000 000001 14 00"))))
                .isInstanceOf(RtmpException.class).hasMessageContaining("chunk fmt 1 on chunk stream 3")
                .extracting(e -> ((RtmpException) e).offset()).isEqualTo(0L);
        assertThatThrownBy(() -> decoder.feed(ByteBuffer.allocate(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void setChunkSizeZeroFails() {
        ChunkDecoder decoder = new ChunkDecoder((cs, ts, t, s, p) -> { }, RtmpLimits.defaults());
        assertThatThrownBy(() -> decoder.feed(ByteBuffer.wrap(hex("02 000000 000004 01 00000000 00000000"))))
                .isInstanceOf(RtmpException.class).hasMessageContaining("set chunk size 0");
    }

    @Test
    void setChunkSizePastLimitFails() {
        ChunkDecoder decoder = new ChunkDecoder((cs, ts, t, s, p) -> { }, RtmpLimits.defaults().withMaxChunkSize(65536));
        assertThatThrownBy(() -> decoder.feed(ByteBuffer.wrap(hex("02 000000 000004 01 00000000 7fffffff"))))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.limitName()).isEqualTo("RtmpLimits.maxChunkSize()");
                    assertThat(e.actual()).isEqualTo(0x7FFFFFFFL);
                });
    }

    @Test
    void messageLengthPastLimitFailsBeforeAllocating() {
        ChunkDecoder decoder = new ChunkDecoder((cs, ts, t, s, p) -> { }, RtmpLimits.defaults().withMaxMessageLength(1000));
        assertThatThrownBy(() -> decoder.feed(ByteBuffer.wrap(hex("03 000000 ffffff 09 00000000"))))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.limitName()).isEqualTo("RtmpLimits.maxMessageLength()");
                    assertThat(e.actual()).isEqualTo(0xFFFFFFL);
                    assertThat(e.offset()).isEqualTo(4L);
                });
    }

    @Test
    void tooManyChunkStreamsFails() {
        ChunkDecoder decoder = new ChunkDecoder((cs, ts, t, s, p) -> { }, RtmpLimits.defaults().withMaxChunkStreams(3));
        decoder.feed(ByteBuffer.wrap(hex("03 000000 000000 09 00000000 04 000000 000000 09 00000000 05 000000 000000 09 00000000")));
        assertThatThrownBy(() -> decoder.feed(ByteBuffer.wrap(hex("06 000000 000000 09 00000000"))))
                .isInstanceOfSatisfying(LimitExceededException.class,
                        e -> assertThat(e.limitName()).isEqualTo("RtmpLimits.maxChunkStreams()"));
    }

    @Test
    void bufferedBytesAcrossStreamsAreBounded() {
        ChunkDecoder decoder = new ChunkDecoder((cs, ts, t, s, p) -> { }, RtmpLimits.defaults().withMaxBufferedBytes(1 << 20));
        // each stream declares 600 KB and sends one chunk: the second goes past 1 MiB reassembling
        decoder.feed(ByteBuffer.wrap(concat(hex("03 000000 0927c0 09 00000000"), new byte[128])));
        assertThatThrownBy(() -> decoder.feed(ByteBuffer.wrap(concat(hex("04 000000 0927c0 09 00000000"), new byte[128]))))
                .isInstanceOfSatisfying(LimitExceededException.class,
                        e -> assertThat(e.limitName()).isEqualTo("RtmpLimits.maxBufferedBytes()"));
    }

    @Test
    void endOfInputInsideAMessageIsTruncation() {
        ChunkDecoder decoder = new ChunkDecoder((cs, ts, t, s, p) -> { }, RtmpLimits.defaults());
        decoder.feed(ByteBuffer.wrap(hex("03 000000 000004 09 00000000 0102")));
        assertThatThrownBy(decoder::endOfInput).isInstanceOfSatisfying(TruncatedInputException.class, e -> {
            assertThat(e.module()).isEqualTo("rtmp");
            assertThat(e.offset()).isEqualTo(14L);
        });
        assertThatThrownBy(decoder::endOfInput).as("failed by the truncation").isInstanceOf(IllegalStateException.class)
                .hasCauseInstanceOf(TruncatedInputException.class);
    }

    @Test
    void abortStormStaysLinear() {
        // 20,000 times: declare a 16 MB message, send one chunk of it, abort it
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[128];
        for (int i = 0; i < 20_000; i++) {
            out.writeBytes(hex("04 000000 ffffff 09 01000000"));
            out.writeBytes(chunk);
            out.writeBytes(hex("02 000000 000004 02 00000000 00000004"));
        }
        int[] aborts = {0};
        ChunkDecoder decoder = new ChunkDecoder((cs, ts, type, sid, payload) -> aborts[0] += type == MessageType.ABORT ? 1 : 0, RtmpLimits.defaults());
        ByteBuffer in = ByteBuffer.wrap(out.toByteArray());
        long before = io.streamwire.testkit.Allocation.allocatedBytes(Thread.currentThread().getId());
        decoder.feed(in);
        long allocated = io.streamwire.testkit.Allocation.allocatedBytes(Thread.currentThread().getId()) - before;
        assertThat(aborts[0]).isEqualTo(20_000);
        // 20,000 declared 16 MB messages: the decoder allocates for the bytes that came, not the declared length
        assertThat(allocated).isLessThan(1L << 20);
    }

    @Test
    void oneByteChunksStayLinear() {
        // Set Chunk Size 1, then a 100 KB message in 1-byte chunks: 2 bytes of input per payload byte
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(hex("02 000000 000004 01 00000000 00000001"));
        out.writeBytes(hex("03 000000 0186a0 09 00000000"));
        for (int i = 0; i < 100_000; i++) {
            if (i > 0) {
                out.write(0xC3);
            }
            out.write(i);
        }
        Msg.Sink sink = new Msg.Sink();
        new ChunkDecoder(sink, RtmpLimits.defaults()).feed(ByteBuffer.wrap(out.toByteArray()));
        assertThat(sink.messages).hasSize(2);
        assertThat(sink.messages.get(1).payload()).hasSize(100_000);
    }
}

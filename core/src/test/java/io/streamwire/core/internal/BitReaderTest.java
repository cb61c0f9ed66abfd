package io.streamwire.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.StreamwireException;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.testkit.Chunks;
import java.nio.ByteBuffer;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class BitReaderTest {
    static final class TestException extends StreamwireException {
        private static final long serialVersionUID = 1L;

        TestException(String field, String problem, long offset, String specRef) {
            super("test", field, problem, offset, specRef);
        }
    }

    private static BitReader raw(byte[] b) {
        return BitReader.raw("test", ByteBuffer.wrap(b), 0, b.length, 100, "s", "§1", TestException::new);
    }

    private static BitReader rbsp(ByteBuffer b) {
        return BitReader.rbsp("test", b, b.position(), b.limit(), 0, "sps", "§7", TestException::new);
    }

    @Test
    void readsFixedWidthFieldsMsbFirst() {
        BitReader r = raw(new byte[] {(byte) 0b1010_1100, (byte) 0xFF, 0x01});
        assertThat(r.u(1, "a")).isEqualTo(1);
        assertThat(r.u(3, "b")).isEqualTo(0b010);
        assertThat(r.u(4, "c")).isEqualTo(0b1100);
        assertThat(r.offset()).isEqualTo(101);
        r.u(3, "x");
        assertThat(r.offset()).isEqualTo(101);
        r.u(5, "y");
        assertThat(r.offset()).isEqualTo(102);
        assertThat(r.readBitsLong(8, "d")).isEqualTo(0x01);
        assertThat(r.bitsRead()).isEqualTo(24);
        assertThatThrownBy(() -> r.u(1, "e")).isInstanceOf(TruncatedInputException.class)
                .hasMessageContaining("s e").hasMessageContaining("at offset 103; §1");
        BitReader mid = raw(new byte[] {(byte) 0xE0, 0x00, 0x00, 0x00, 0x00, 0x01});
        mid.u(3, "a");
        assertThat(mid.offset()).as("the byte holding the next bit").isEqualTo(100);
        assertThatThrownBy(() -> mid.ue("b", 0)).hasMessageContaining("at offset 100");
    }

    @Test
    void expGolombCodes() {
        // 1 | 010 | 011 | 00100 | 00101 -> ue 0, 1, 2, 3, 4 ; se of 00101 (k=4) = -2
        BitReader r = raw(new byte[] {(byte) 0b1010_0110, (byte) 0b0100_0010, (byte) 0b1000_0000});
        assertThat(r.ue("a")).isZero();
        assertThat(r.ue("b")).isEqualTo(1);
        assertThat(r.ue("c")).isEqualTo(2);
        assertThat(r.ue("d")).isEqualTo(3);
        assertThat(r.se("e")).isEqualTo(-2);
    }

    @Test
    void rejectsLongExpGolombAndNamesTheElement() {
        byte[] zeros = new byte[8];
        zeros[7] = 1;
        assertThatThrownBy(() -> raw(zeros).ue("log2_max_frame_num_minus4")).isInstanceOf(TestException.class)
                .hasMessageContaining("s log2_max_frame_num_minus4 exp-Golomb code");
        assertThatThrownBy(() -> raw(new byte[] {0b0001_0000}).ue("x", 2)).isInstanceOf(TestException.class)
                .hasMessage("s x 7 out of range (expected: 0..2) at offset 100; §1");
    }

    @Test
    void rbspSkipsEmulationPreventionInEveryBufferKind() {
        byte[] escaped = {0x00, 0x00, 0x03, 0x01, 0x00, 0x00, 0x03, 0x00, (byte) 0x80};
        for (Chunks.Kind kind : Chunks.Kind.values()) {
            BitReader r = rbsp(kind.wrap(escaped));
            assertThat(r.readBitsLong(24, "a")).isEqualTo(0x000001);
            assertThat(r.readBitsLong(24, "b")).isEqualTo(0x000000);
            assertThat(r.moreRbspData()).isFalse();
            r.rbspTrailingBits();
        }
    }

    @Test
    void limitedRawReaderStopsAtItsBitCount() {
        BitReader r = raw(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF}).limitBits(13);
        assertThat(r.bitsLeft()).isEqualTo(13);
        assertThat(r.u(12, "a")).isEqualTo(0xFFF);
        assertThat(r.peek(1)).isEqualTo(1);
        assertThat(r.peek(2)).isEqualTo(-1);
        assertThat(r.u(1, "b")).isEqualTo(1);
        assertThatThrownBy(() -> r.u(1, "c")).isInstanceOf(TruncatedInputException.class);
        r.seek(3);
        assertThat(r.bitsLeft()).isEqualTo(10);
        assertThat(r.u(10, "d")).isEqualTo(0x3FF);
    }

    @Property
    void rawReadsMatchABitLoop(@ForAll @Size(max = 40) byte[] bytes, @ForAll @IntRange(min = 1, max = 32) int width,
                               @ForAll boolean direct) {
        ByteBuffer b = direct ? ByteBuffer.allocateDirect(bytes.length).put(bytes).flip() : ByteBuffer.wrap(bytes);
        BitReader r = BitReader.raw("test", b, 0, bytes.length, 0, null, null, TestException::new);
        long bit = 0;
        while (bit + width <= 8L * bytes.length) {
            long expected = 0;
            for (int k = 0; k < width; k++) {
                long at = bit + k;
                expected = expected << 1 | ((bytes[(int) (at >>> 3)] >>> (7 - (at & 7))) & 1);
            }
            assertThat(r.readBitsLong(width, "f")).isEqualTo(expected);
            bit += width;
        }
        assertThat(r.bitsLeft()).isEqualTo(8L * bytes.length - bit);
    }

    @Property
    void rbspReaderEqualsRawReaderOverUnescapedBytes(@ForAll @Size(max = 600) byte[] rbsp, @ForAll long seed) {
        // escape: insert 0x03 after two zeros when the next byte is <= 3
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int zeros = 0;
        for (byte v : rbsp) {
            if (zeros >= 2 && (v & 0xFF) <= 3) {
                out.write(3);
                zeros = 0;
            }
            out.write(v);
            zeros = v == 0 ? zeros + 1 : 0;
        }
        byte[] escaped = out.toByteArray();
        Random random = new Random(seed);
        // a direct buffer too, and ranges longer than the whole-range conversion (128 bytes), which
        // are converted a chunk at a time as the reads reach them
        ByteBuffer source = random.nextBoolean() ? ByteBuffer.wrap(escaped)
                : ByteBuffer.allocateDirect(escaped.length).put(escaped).flip();
        BitReader a = rbsp(source);
        BitReader b = raw(rbsp);
        long left = 8L * rbsp.length;
        while (left > 0) {
            int n = (int) Math.min(left, 1 + random.nextInt(32));
            switch (random.nextInt(4)) {
                case 0 -> assertThat(a.flag("x")).isEqualTo(b.flag("x"));
                case 1 -> assertThat(a.u(Math.min(n, 31), "x")).isEqualTo(b.u(Math.min(n, 31), "x"));
                default -> assertThat(a.readBitsLong(n, "x")).isEqualTo(b.readBitsLong(n, "x"));
            }
            left = 8L * rbsp.length - b.bitsRead();
            assertThat(a.bitsRead()).isEqualTo(b.bitsRead());
        }
        assertThat(a.bitsRead()).isEqualTo(8L * rbsp.length);
        assertThatThrownBy(() -> a.flag("end")).isInstanceOf(TruncatedInputException.class);
    }

    @Property
    void expGolombOverLongRangesMatchesABitLoop(@ForAll @Size(min = 1, max = 80) java.util.List<@IntRange(min = 0, max = 100_000) Integer> values,
                                                @ForAll boolean direct) {
        // ue(v) codes back to back, followed by a stop bit; long lists cross chunk boundaries
        StringBuilder bits = new StringBuilder();
        for (int v : values) {
            String code = Long.toBinaryString(v + 1L);
            bits.append("0".repeat(code.length() - 1)).append(code);
        }
        bits.append('1');
        while (bits.length() % 8 != 0) {
            bits.append('0');
        }
        byte[] b = new byte[bits.length() / 8];
        for (int i = 0; i < bits.length(); i++) {
            if (bits.charAt(i) == '1') {
                b[i / 8] |= (byte) (0x80 >>> (i % 8));
            }
        }
        ByteBuffer buf = direct ? ByteBuffer.allocateDirect(b.length).put(b).flip() : ByteBuffer.wrap(b);
        BitReader r = BitReader.raw("test", buf, 0, b.length, 0, "s", null, TestException::new);
        for (int v : values) {
            assertThat(r.ue("x")).isEqualTo(v);
        }
        assertThat(r.moreRbspData()).isFalse();
        r.rbspTrailingBits();
        assertThat(r.remainingBytesAligned()).isZero();
    }

    @Test
    void errorOffsetsCountTheEmulationPreventionBytesBeforeTheFaultyBit() {
        // RBSP 00 00 00 | 00 00 01 | then ue 0001000 (7) at RBSP byte 6, escaped with two 03 bytes before it
        byte[] escaped = {0, 0, 3, 0, 0, 0, 3, 1, 0b0001_0000, (byte) 0x80};
        BitReader r = rbsp(ByteBuffer.wrap(escaped));
        r.readBitsLong(24, "a");
        r.readBitsLong(24, "b");
        assertThatThrownBy(() -> r.ue("c", 2)).isInstanceOf(TestException.class)
                .hasMessage("sps c 7 out of range (expected: 0..2) at offset 8; §7");
        // the byte that holds the next bit, also in the middle of a byte
        BitReader t = raw(new byte[] {(byte) 0xAB});
        t.u(4, "a");
        assertThatThrownBy(() -> t.u(5, "b")).isInstanceOf(TruncatedInputException.class)
                .hasMessage("s b needs 5 more bits, 4 remain at offset 100; §1");
    }

    @Test
    void seekAndPeekAcrossChunksOfALongRawRange() {
        byte[] b = new byte[1000];
        new Random(5).nextBytes(b);
        BitReader r = BitReader.raw("test", ByteBuffer.wrap(b), 0, b.length, 0, null, null, TestException::new);
        for (long bit : new long[] {7000, 12, 7990, 4000, 0, 300 * 8 + 3}) {
            r.seek(bit);
            long expected = 0;
            for (int k = 0; k < 10; k++) {
                long at = bit + k;
                expected = expected << 1 | ((b[(int) (at >>> 3)] >>> (7 - (at & 7))) & 1);
            }
            assertThat(r.peek(10)).isEqualTo(expected);
            assertThat(r.readBitsLong(10, "x")).isEqualTo(expected);
            assertThat(r.bitsRead()).isEqualTo(bit + 10);
        }
        assertThat(r.peek(10000)).isEqualTo(-1);
    }
}

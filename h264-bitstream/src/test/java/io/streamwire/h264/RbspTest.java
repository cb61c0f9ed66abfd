package io.streamwire.h264;

import io.streamwire.core.internal.RbspWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.StreamwireException;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.core.internal.BitReader;
import java.nio.ByteBuffer;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The module's RBSP reading ({@link Rbsp}: core's bit reader with this module's errors) against
 * {@link RbspWriter}: Exp-Golomb tables, emulation prevention, trailing bits, error names and offsets.
 */
class RbspTest {

    static BitReader reader(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return of(ByteBuffer.wrap(b), "test", "ITU-T H.264 §9.1");
    }

    /** A reader of the remaining bytes of {@code buf}, offsets counted from its position. */
    static BitReader of(ByteBuffer buf, String structure, String specRef) {
        return Rbsp.reader(buf, buf.position(), buf.limit(), 0, structure, specRef);
    }

    @ParameterizedTest(name = "{0} -> ue {1} se {2}")
    @CsvSource({
        // code bits (padded with a 1 then zeros), ue(v), se(v) per Table 9-1 and 9-3
        "1,        0,  0",
        "010,      1,  1",
        "011,      2, -1",
        "00100,    3,  2",
        "00101,    4, -2",
        "00110,    5,  3",
        "00111,    6, -3",
        "0001000,  7,  4",
        "000010001, 16, -8",
    })
    void expGolombTable(String code, long ue, int se) {
        byte[] bytes = bits(code + "1");
        assertThat(of(ByteBuffer.wrap(bytes), "t", null).ueLong("x")).isEqualTo(ue);
        assertThat(of(ByteBuffer.wrap(bytes), "t", null).se("x")).isEqualTo(se);
        RbspWriter w = new RbspWriter().ue(ue).u(1, 1).alignZero();
        assertThat(w.toRbsp()).isEqualTo(bytes);
        RbspWriter ws = new RbspWriter().se(se).u(1, 1).alignZero();
        assertThat(ws.toRbsp()).isEqualTo(bytes);
    }

    static byte[] bits(String s) {
        byte[] out = new byte[(s.length() + 7) / 8];
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '1') {
                out[i / 8] |= (byte) (0x80 >>> (i % 8));
            }
        }
        return out;
    }

    @Test
    void largestUeHas31LeadingZeros() {
        // 31 zeros, then 1, then 31 ones: 2^32 - 2
        byte[] b = bits("0".repeat(31) + "1" + "1".repeat(31));
        assertThat(of(ByteBuffer.wrap(b), "t", null).ueLong("x")).isEqualTo(0xFFFFFFFEL);
        assertThat(new RbspWriter().ue(0xFFFFFFFEL).alignZero().toRbsp()).isEqualTo(b);
    }

    @Test
    void thirtyTwoLeadingZerosNameTheElement() {
        byte[] b = bits("0".repeat(32) + "1" + "0".repeat(40));
        assertThatThrownBy(() -> of(ByteBuffer.wrap(b), "sps", "ITU-T H.264 §7.3.2.1.1").ue("seq_parameter_set_id"))
                .isInstanceOfSatisfying(H264Exception.class, e -> {
                    assertThat(e.field()).isEqualTo("sps seq_parameter_set_id");
                    assertThat(e.getMessage()).contains("leading zero bits");
                    assertThat(e.offset()).isEqualTo(0);
                });
        // all zeros to the end is also a bad code, not a loop
        assertThatThrownBy(() -> reader(0, 0, 0, 0, 0, 0, 0, 0, 0, 0).ue("x")).isInstanceOf(H264Exception.class);
        assertThatThrownBy(() -> reader(0, 0).ue("x")).isInstanceOfSatisfying(TruncatedInputException.class, e -> {
            assertThat(e.module()).isEqualTo("h264");
            assertThat(e.field()).isEqualTo("test x");
        });
    }

    @Test
    void rangeChecksAndTruncation() {
        assertThatThrownBy(() -> reader(0b00011000).ue("pic_parameter_set_id", 5))
                .hasMessageContaining("test pic_parameter_set_id 11 out of range (expected: 0..5) at offset 0; ITU-T H.264 §9.1");
        BitReader r = reader(0xAB);
        assertThat(r.u(4, "a")).isEqualTo(0xA);
        assertThatThrownBy(() -> r.u(5, "b")).isInstanceOf(TruncatedInputException.class)
                .hasMessageContaining("test b needs 5 more bits, 4 remain at offset 0; ITU-T H.264 §9.1");
    }

    @Test
    void skipsEmulationPreventionBytes() {
        // RBSP 00 00 01 FF escaped as 00 00 03 01 FF
        BitReader r = reader(0x00, 0x00, 0x03, 0x01, 0xFF);
        assertThat(r.readBitsLong(32, "x")).isEqualTo(0x000001FFL);
        BitReader r2 = reader(0x00, 0x00, 0x03, 0x00, 0x00, 0x03, 0x80);
        assertThat(r2.readBitsLong(32, "x")).isEqualTo(0L);
        assertThat(r2.u(8, "y")).isEqualTo(0x80);
    }

    @Test
    void moreRbspDataAndTrailingBits() {
        BitReader r = reader(0b1011_0000);
        assertThat(r.moreRbspData()).isTrue();
        assertThat(r.u(2, "a")).isEqualTo(2);
        assertThat(r.moreRbspData()).isTrue();
        assertThat(r.bit("b")).isEqualTo(1);
        assertThat(r.moreRbspData()).isFalse();
        r.rbspTrailingBits();
        // trailing cabac_zero_words (escaped 00 00 03) do not count as data
        BitReader c = reader(0x80, 0x00, 0x00, 0x03);
        assertThat(c.moreRbspData()).isFalse();
        assertThatThrownBy(() -> reader(0b0100_0000).rbspTrailingBits()).hasMessageContaining("rbsp_stop_one_bit");
        assertThatThrownBy(() -> reader(0b1100_0000).rbspTrailingBits()).hasMessageContaining("rbsp_alignment_zero_bit");
    }

    @Test
    void offsetsCountFromTheBase() {
        ByteBuffer b = ByteBuffer.wrap(new byte[] {1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        BitReader r = Rbsp.reader(b, 2, 12, 1000, "slice_header", null);
        assertThatThrownBy(() -> r.ue("first_mb_in_slice"))
                .isInstanceOfSatisfying(H264Exception.class, e -> assertThat(e.offset()).isBetween(1000L, 1012L));
    }

    @Provide
    Arbitrary<List<Long>> values() {
        return Arbitraries.longs().between(0, 0xFFFFFFFEL).list().ofMaxSize(40);
    }

    @Property
    void writerAndReaderAgree(@ForAll("values") List<Long> values, @ForAll @IntRange(min = 1, max = 32) int width) {
        RbspWriter w = new RbspWriter();
        long mask = width == 32 ? 0xFFFFFFFFL : (1L << width) - 1;
        for (long v : values) {
            w.ue(v).se(v % 1000 - 500).u(width, v & mask);
        }
        w.trailingBits();
        byte[] nal = w.toNal(0x67);
        BitReader r = Rbsp.reader(ByteBuffer.wrap(nal), 1, nal.length, 0, "t", null);
        for (long v : values) {
            assertThat(r.ueLong("a")).isEqualTo(v);
            assertThat(r.se("b")).isEqualTo(v % 1000 - 500);
            assertThat(r.readBitsLong(width, "c")).isEqualTo(v & mask);
        }
        assertThat(r.moreRbspData()).isFalse();
        r.rbspTrailingBits();
    }

    @Property
    void randomBytesOnlyRaiseTheModulesExceptions(@ForAll @Size(max = 12) byte[] bytes) {
        BitReader r = of(ByteBuffer.wrap(bytes), "t", null);
        try {
            while (true) {
                r.se("x");
                r.moreRbspData();
            }
        } catch (StreamwireException expected) {
            ModuleErrors.requireH264(expected);
            assertThat(expected.field()).isEqualTo("t x");
        }
    }
}

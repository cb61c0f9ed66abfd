package io.streamwire.h264;

import io.streamwire.core.internal.EmulationPrevention;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.testkit.Chunks;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmulationPreventionTest {
    static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // name, rbsp, escaped
        "none,                 6742c01e,         6742c01e",
        "start code,           00000100,         0000030100",
        "three zeros,          000000,           00000300",
        "zero zero three,      0000030a,         000003030a",
        "zero zero two,        000002,           00000302",
        "zero zero four kept,  000004,           000004",
        "two in a row,         0000000000,       00000300000300",
        "trailing zero word,   800000,           80000003",
    })
    void table(String name, String rbsp, String escaped) {
        byte[] r = HEX.parseHex(rbsp);
        byte[] e = HEX.parseHex(escaped);
        assertThat(EmulationPrevention.escapedSize(ByteBuffer.wrap(r))).isEqualTo(e.length);
        assertThat(HEX.formatHex(EmulationPrevention.insert(r))).isEqualTo(escaped);
        ByteBuffer removed = EmulationPrevention.remove(ByteBuffer.wrap(e));
        byte[] back = new byte[removed.remaining()];
        removed.get(back);
        // an RBSP ending in 0x00 gets a final 0x03 that removal keeps stripped too
        assertThat(HEX.formatHex(back)).isEqualTo(rbsp);
    }

    @Property
    void insertThenRemoveIsIdentity(@ForAll("rbsps") byte[] rbsp) {
        byte[] escaped = EmulationPrevention.insert(rbsp);
        assertThat(noStartCodeInside(escaped)).isTrue();
        ByteBuffer back = EmulationPrevention.remove(ByteBuffer.wrap(escaped));
        byte[] got = new byte[back.remaining()];
        back.get(got);
        assertThat(got).isEqualTo(rbsp);
        for (Chunks.Kind kind : Chunks.Kind.values()) {
            ByteBuffer in = kind.wrap(escaped);
            byte[] dst = new byte[escaped.length + 3];
            int n = EmulationPrevention.remove(in, in.position(), in.limit(), dst, 3);
            assertThat(java.util.Arrays.copyOfRange(dst, 3, 3 + n)).isEqualTo(rbsp);
        }
        // streaming removal in random chunks gives the same bytes
        EmulationPrevention.Remover remover = new EmulationPrevention.Remover();
        ByteBuffer out = ByteBuffer.allocate(escaped.length);
        for (byte[] piece : Chunks.random(escaped, new java.util.Random(rbsp.length))) {
            remover.remove(ByteBuffer.wrap(piece), out);
        }
        assertThat(java.util.Arrays.copyOf(out.array(), out.position())).isEqualTo(rbsp);
    }

    @Property
    void removalWithoutEscapesDoesNotCopy(@ForAll("rbsps") byte[] rbsp) {
        ByteBuffer in = ByteBuffer.wrap(rbsp);
        if (EmulationPrevention.indexOf(in, 0, rbsp.length) < 0) {
            ByteBuffer out = EmulationPrevention.remove(in);
            assertThat(out.array()).isSameAs(rbsp);
        }
    }

    static boolean noStartCodeInside(byte[] b) {
        for (int i = 0; i + 2 < b.length; i++) {
            if (b[i] == 0 && b[i + 1] == 0 && (b[i + 2] & 0xFF) <= 2) {
                return false;
            }
        }
        return true;
    }

    @Provide
    Arbitrary<byte[]> rbsps() {
        // mostly zeros and small values so that escapes are common
        return Arbitraries.integers().between(0, 5).map(i -> (byte) (i == 5 ? 0x80 : i)).list().ofMaxSize(64)
                .map(l -> {
                    byte[] b = new byte[l.size()];
                    for (int i = 0; i < b.length; i++) {
                        b[i] = l.get(i);
                    }
                    return b;
                });
    }
}

package io.streamwire.mpegts.psi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sections are big-endian whatever order the caller's buffer is set to: the writers put the same
 * bytes into a little-endian buffer, the parsers read the same tables from one, and the caller's
 * order is left as it was.
 */
class ByteOrderTest {

    private static byte[] written(java.util.function.Consumer<ByteBuffer> writer, ByteOrder order) {
        ByteBuffer out = ByteBuffer.allocate(1024).order(order);
        writer.accept(out);
        assertThat(out.order()).isEqualTo(order);
        return Arrays.copyOf(out.array(), out.position());
    }

    @Test
    void patIsWrittenAndParsedTheSameInALittleEndianBuffer() {
        Pat pat = Pat.of(0x1234, 5, List.of(new Pat.Program(1, 0x1000), new Pat.Program(0xBEEF, 0x1FFE)));
        byte[] big = written(pat::writeTo, ByteOrder.BIG_ENDIAN);
        assertThat(written(pat::writeTo, ByteOrder.LITTLE_ENDIAN)).isEqualTo(big);
        assertThat(big[1] & 0xFF).isEqualTo(0xB0); // section_syntax_indicator, '0', reserved, length high bits 0
        ByteBuffer in = ByteBuffer.wrap(big).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(Pat.parse(in)).isEqualTo(pat);
        assertThat(in.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void pmtIsWrittenAndParsedTheSameInALittleEndianBuffer() {
        Pmt pmt = new Pmt(1, 3, true, 0x0100, List.of(),
                List.of(new Pmt.Stream(0x1B, 0x0100, List.of()), new Pmt.Stream(0x0F, 0x0101, List.of())));
        byte[] big = written(pmt::writeTo, ByteOrder.BIG_ENDIAN);
        assertThat(written(pmt::writeTo, ByteOrder.LITTLE_ENDIAN)).isEqualTo(big);
        Pmt parsed = Pmt.parse(ByteBuffer.wrap(big).order(ByteOrder.LITTLE_ENDIAN));
        assertThat(parsed).isEqualTo(pmt);
        assertThat(parsed.pcrPid()).isEqualTo(0x0100);
        assertThat(parsed.streams()).extracting(Pmt.Stream::elementaryPid).containsExactly(0x0100, 0x0101);
    }
}

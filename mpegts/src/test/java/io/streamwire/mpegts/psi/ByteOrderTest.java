package io.streamwire.mpegts.psi;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.testkit.ByteOrders;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sections are big-endian whatever order the caller's buffer is set to: the writers put the same
 * bytes into a little-endian buffer, the parsers read the same tables from one, and the caller's
 * order is left as it was.
 */
class ByteOrderTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.streamwire.mpegts.psi.PsiTablesTest#tables")
    void everyTableIsTheSameInEveryBufferOrder(String name, Object table, Function<ByteBuffer, Object> parser) {
        byte[] bytes = ByteOrders.writtenInEveryOrder(4096, out -> PsiTablesTest.writeTo(table, out));
        assertThat(Crc32Mpeg2.compute(bytes, 0, bytes.length)).as("CRC over the whole section").isZero();
        assertThat(ByteOrders.parsedFromEveryKind(bytes, parser)).allSatisfy(parsed -> assertThat(parsed).isEqualTo(table));
    }

    @Test
    void patFieldsReadFromALittleEndianBuffer() {
        Pat pat = Pat.of(0x1234, 5, List.of(new Pat.Program(1, 0x1000), new Pat.Program(0xBEEF, 0x1FFE)));
        byte[] bytes = ByteOrders.writtenInEveryOrder(1024, pat::writeTo);
        assertThat(bytes[1] & 0xFF).isEqualTo(0xB0); // section_syntax_indicator, '0', reserved, length high bits 0
        assertThat(ByteOrders.parsedFromEveryKind(bytes, Pat::parse)).allSatisfy(parsed -> {
            assertThat(parsed.transportStreamId()).isEqualTo(0x1234);
            assertThat(parsed.programs()).extracting(Pat.Program::programNumber).containsExactly(1, 0xBEEF);
            assertThat(parsed.programs()).extracting(Pat.Program::pid).containsExactly(0x1000, 0x1FFE);
        });
    }

    @Test
    void pmtFieldsReadFromALittleEndianBuffer() {
        Pmt pmt = new Pmt(1, 3, true, 0x0100, List.of(),
                List.of(new Pmt.Stream(0x1B, 0x0100, List.of()), new Pmt.Stream(0x0F, 0x0101, List.of())));
        byte[] bytes = ByteOrders.writtenInEveryOrder(1024, pmt::writeTo);
        assertThat(ByteOrders.parsedFromEveryKind(bytes, Pmt::parse)).allSatisfy(parsed -> {
            assertThat(parsed.pcrPid()).isEqualTo(0x0100);
            assertThat(parsed.streams()).extracting(Pmt.Stream::elementaryPid).containsExactly(0x0100, 0x0101);
        });
    }
}

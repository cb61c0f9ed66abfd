package io.streamwire.amf;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.flv.FlvHeader;
import io.streamwire.flv.FlvTagHeader;
import io.streamwire.flv.FlvWriter;
import io.streamwire.testkit.ByteOrders;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * AMF0 and FLV are big-endian whatever order the caller's output buffer is set to: the writers put
 * the same bytes into a little-endian buffer (numbers, string lengths, dates, counts, FLV header
 * and PreviousTagSize), and the buffer's order is left as it was.
 */
class ByteOrderTest {

    @Test
    void amf0WriterIsBigEndianInALittleEndianBuffer() {
        byte[] big = ByteOrders.writtenInEveryOrder(256, out -> new Amf0Writer().writeNumber(out, 1.5)
                .writeString(out, "onMetaData").writeDate(out, 1.7e12, -60).writeReference(out, 3));
        assertThat(Arrays.copyOfRange(big, 0, 9)).containsExactly(0x00, 0x3F, 0xF8, 0, 0, 0, 0, 0, 0); // 1.5
        assertThat(Arrays.copyOfRange(big, 9, 12)).containsExactly(0x02, 0x00, 0x0A); // string, length 10
    }

    @Test
    void flvWriterIsBigEndianInALittleEndianBuffer() {
        byte[] big = ByteOrders.writtenInEveryOrder(256, out -> {
            FlvWriter.writeHeader(out, FlvHeader.of(true, true));
            FlvWriter.writeTag(out, FlvTagHeader.AUDIO, 0x0102_0304, ByteBuffer.wrap(new byte[] {(byte) 0xAF, 1, 7}));
        });
        assertThat(Arrays.copyOfRange(big, 5, 9)).containsExactly(0, 0, 0, 9); // DataOffset
        assertThat(Arrays.copyOfRange(big, big.length - 4, big.length)).containsExactly(0, 0, 0, 14); // PreviousTagSize
    }
}

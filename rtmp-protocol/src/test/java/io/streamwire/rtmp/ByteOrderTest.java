package io.streamwire.rtmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** RTMP control messages are big-endian whatever order the caller's output buffer is set to. */
class ByteOrderTest {

    @Test
    void userControlMessageIsBigEndianInALittleEndianBuffer() {
        UserControlMessage begin = UserControlMessage.streamBegin(0x01020304);
        ByteBuffer big = ByteBuffer.allocate(begin.encodedSize());
        ByteBuffer little = ByteBuffer.allocate(begin.encodedSize()).order(ByteOrder.LITTLE_ENDIAN);
        begin.writeTo(big);
        begin.writeTo(little);
        assertThat(little.array()).isEqualTo(big.array());
        assertThat(Arrays.copyOf(big.array(), 6)).containsExactly(0, 0, 1, 2, 3, 4); // Stream Begin, stream id
        assertThat(little.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
    }
}

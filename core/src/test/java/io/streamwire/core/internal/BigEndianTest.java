package io.streamwire.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.testkit.Chunks;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class BigEndianTest {
    @Test
    void readsBigEndianWhateverTheBufferOrder() {
        byte[] b = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        for (Chunks.Kind kind : Chunks.Kind.values()) {
            ByteBuffer buf = kind.wrap(b);
            int p = buf.position();
            assertThat(BigEndian.getShort(buf, p)).isEqualTo((short) 0x0102);
            assertThat(BigEndian.getUnsignedMedium(buf, p)).isEqualTo(0x010203);
            assertThat(BigEndian.getInt(buf, p + 1)).isEqualTo(0x02030405);
            assertThat(BigEndian.getIntLe(buf, p)).isEqualTo(0x04030201);
            assertThat(BigEndian.getLong(buf, p + 1)).isEqualTo(0x0203040506070809L);
            assertThat(BigEndian.getLongRelative(buf)).isEqualTo(0x0102030405060708L);
            assertThat(buf.position()).isEqualTo(p + 8);
        }
    }

    @Test
    void writesBigEndian() {
        ByteBuffer b = ByteBuffer.allocate(21).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        BigEndian.putShortRelative(b, (short) 0x0102);
        BigEndian.putMediumRelative(b, 0x030405);
        BigEndian.putIntRelative(b, 0x06070809);
        BigEndian.putIntLe(b, b.position(), 0x0D0C0B0A);
        b.position(b.position() + 4);
        BigEndian.putDoubleRelative(b, 1.0);
        assertThat(b.position()).isEqualTo(21);
        assertThat(java.util.Arrays.copyOf(b.array(), 13))
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        assertThat(BigEndian.getDouble(b, 13)).isEqualTo(1.0);
    }
}

package io.streamwire.rtmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChunkBasicHeaderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // hex, fmt, cs id
        "02, 0, 2",          // protocol control messages
        "03, 0, 3",          // ffmpeg's command stream
        "c4, 3, 4",          // type-3 continuation on cs 4
        "7f, 1, 63",         // largest one-byte id
        "4000, 1, 64",       // smallest two-byte id
        "80ff, 2, 319",      // largest two-byte id
        "c10001, 3, 320",    // smallest three-byte id
        "01ffff, 0, 65599",  // largest id, little-endian 0xFFFF
    })
    void decodesAndEncodesShortestForm(String hex, int fmt, int id) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        ChunkBasicHeader expected = new ChunkBasicHeader(fmt, id);
        // every truncation is "incomplete", never an error, and leaves the position alone
        for (int cut = 0; cut < bytes.length; cut++) {
            ByteBuffer partial = ByteBuffer.wrap(Arrays.copyOf(bytes, cut));
            assertThat(ChunkBasicHeader.tryParse(partial)).isNull();
            assertThat(partial.position()).isZero();
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        assertThat(ChunkBasicHeader.peekLength(in)).isEqualTo(bytes.length);
        assertThat(ChunkBasicHeader.tryParse(in)).isEqualTo(expected);
        assertThat(in.position()).isEqualTo(bytes.length);
        assertThat(expected.encodedSize()).isEqualTo(bytes.length);
        ByteBuffer out = ByteBuffer.allocate(3);
        expected.writeTo(out);
        assertThat(HexFormat.of().formatHex(out.array(), 0, out.position())).isEqualTo(hex);
    }

    @ParameterizedTest
    @CsvSource({"0002, 0, 66", "010300, 0, 67"})
    void acceptsLongerFormsThanNeeded(String hex, int fmt, int id) {
        assertThat(ChunkBasicHeader.tryParse(ByteBuffer.wrap(HexFormat.of().parseHex(hex))))
                .isEqualTo(new ChunkBasicHeader(fmt, id));
    }

    @Property
    void roundTrips(@ForAll @IntRange(max = 3) int fmt, @ForAll @IntRange(min = 2, max = 65599) int id) {
        ChunkBasicHeader header = new ChunkBasicHeader(fmt, id);
        ByteBuffer buffer = ByteBuffer.allocate(3);
        header.writeTo(buffer);
        assertThat(buffer.position()).isEqualTo(header.encodedSize());
        assertThat(ChunkBasicHeader.tryParse(buffer.flip())).isEqualTo(header);
    }
}

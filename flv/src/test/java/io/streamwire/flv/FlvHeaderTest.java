package io.streamwire.flv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.StreamwireException;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.testkit.Chunks;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlvHeaderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // name, hex, version, audio, video, reserved, data offset
        "ffmpeg audio+video, 464c5601050000000900000000, 1, true, true, 0, 9",
        "audio only, 464c5601040000000900000000, 1, true, false, 0, 9",
        "video only, 464c5601010000000900000000, 1, false, true, 0, 9",
        "reserved bits and longer header, 464c56017a0000000c00000000, 1, false, false, 122, 12",
    })
    void decodesAndEncodes(String name, String hex, int version, boolean audio, boolean video, int reserved, long offset) {
        FlvHeader expected = new FlvHeader(version, audio, video, reserved, offset);
        for (Chunks.Kind kind : Chunks.Kind.values()) {
            ByteBuffer in = kind.wrap(HexFormat.of().parseHex(hex));
            int start = in.position();
            assertThat(FlvHeader.parse(in)).as(kind.name()).isEqualTo(expected);
            assertThat(in.position()).isEqualTo(start + 9);
        }
        ByteBuffer out = ByteBuffer.allocate(9);
        expected.writeTo(out);
        assertThat(HexFormat.of().formatHex(out.array())).isEqualTo(hex.substring(0, 18));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "short, 464c560105000000, flv header, 0",
        "wrong signature, 464c5801050000000900000000, flv Signature, 0",
        "data offset 8, 464c5601050000000800000000, flv DataOffset, 5",
    })
    void rejectsWithOffsetAndField(String name, String hex, String field, int fieldOffset) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        for (Chunks.Kind kind : Chunks.Kind.values()) {
            ByteBuffer in = kind.wrap(bytes);
            int start = in.position();
            assertThatThrownBy(() -> FlvHeader.parse(in)).isInstanceOfSatisfying(StreamwireException.class, e -> {
                assertThat(e.module()).isEqualTo("flv");
                assertThat(e).isInstanceOf(field.equals("flv header") ? TruncatedInputException.class : FlvException.class);
                assertThat(e.field()).isEqualTo(field);
                assertThat(e.offset()).isEqualTo(start + fieldOffset);
            });
            assertThat(in.position()).isEqualTo(start);
        }
    }

    @Property
    void roundTrips(@ForAll boolean audio, @ForAll boolean video, @ForAll @LongRange(min = 9, max = 0xFFFF_FFFFL) long offset) {
        FlvHeader header = new FlvHeader(1, audio, video, 0, offset);
        ByteBuffer buffer = ByteBuffer.allocate(9);
        header.writeTo(buffer);
        assertThat(FlvHeader.parse(buffer.flip())).isEqualTo(header);
    }
}

package io.streamwire.mpegts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.StreamwireException;
import io.streamwire.testkit.Chunks;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TsPacketHeaderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // hex, TEI, PUSI, priority, PID, scrambling, AFC, CC
        "47400010, false, true, false, 0, 0, 1, 0",        // PAT as ffmpeg writes it
        "47500011, false, true, false, 4096, 0, 1, 1",     // ffmpeg's PMT PID 0x1000
        "47410030, false, true, false, 256, 0, 3, 0",      // video PES start with adaptation field
        "471fff10, false, false, false, 8191, 0, 1, 0",    // null packet
        "47e1ffef, true, true, true, 511, 3, 2, 15",       // every flag, adaptation only
    })
    void decodesAndEncodes(String hex, boolean tei, boolean pusi, boolean priority, int pid, int scrambling, int afc, int cc) {
        TsPacketHeader expected = new TsPacketHeader(tei, pusi, priority, pid, scrambling, afc, cc);
        for (Chunks.Kind kind : Chunks.Kind.values()) {
            ByteBuffer in = kind.wrap(HexFormat.of().parseHex(hex));
            int start = in.position();
            assertThat(TsPacketHeader.parse(in)).as(kind.name()).isEqualTo(expected);
            assertThat(in.position()).isEqualTo(start + 4);
        }
        ByteBuffer out = ByteBuffer.allocate(4);
        expected.writeTo(out);
        assertThat(HexFormat.of().formatHex(out.array())).isEqualTo(hex);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "short, 474000, transport_packet, io.streamwire.core.TruncatedInputException",
        "lost sync, 48400010, sync_byte, io.streamwire.mpegts.TsException",
    })
    void rejectsWithOffsetAndField(String name, String hex, String field, Class<?> type) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        for (Chunks.Kind kind : Chunks.Kind.values()) {
            ByteBuffer in = kind.wrap(bytes);
            int start = in.position();
            assertThatThrownBy(() -> TsPacketHeader.parse(in)).isExactlyInstanceOf(type).isInstanceOfSatisfying(StreamwireException.class, e -> {
                assertThat(e.module()).isEqualTo("mpegts");
                assertThat(e.field()).isEqualTo(field);
                assertThat(e.offset()).isEqualTo(start);
            });
            assertThat(in.position()).isEqualTo(start);
        }
    }

    @Property
    void roundTrips(@ForAll boolean tei, @ForAll boolean pusi, @ForAll boolean priority, @ForAll @IntRange(max = 8191) int pid,
            @ForAll @IntRange(max = 3) int scrambling, @ForAll @IntRange(max = 3) int afc, @ForAll @IntRange(max = 15) int cc) {
        TsPacketHeader header = new TsPacketHeader(tei, pusi, priority, pid, scrambling, afc, cc);
        ByteBuffer buffer = ByteBuffer.allocate(4);
        header.writeTo(buffer);
        assertThat(TsPacketHeader.parse(buffer.flip())).isEqualTo(header);
    }
}

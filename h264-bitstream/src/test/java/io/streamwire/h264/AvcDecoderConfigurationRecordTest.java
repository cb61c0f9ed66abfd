package io.streamwire.h264;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.StreamwireException;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.testkit.ByteOrders;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AvcDecoderConfigurationRecordTest {
    static final HexFormat HEX = HexFormat.of();

    static ByteBuffer nal(String hex) {
        return ByteBuffer.wrap(HEX.parseHex(hex));
    }

    /** name, bytes, record, whether write(parse(bytes)) == bytes. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("baseline, 4-byte lengths",
                        "01" + "42" + "c0" + "1e" + "ff" + "e1" + "0004" + "6742c01e" + "01" + "0003" + "68ce3c",
                        new AvcDecoderConfigurationRecord(1, 0x42, 0xc0, 0x1e, 3, List.of(nal("6742c01e")), List.of(nal("68ce3c")), null),
                        true),
                Arguments.of("high with extension",
                        "01" + "64" + "00" + "1f" + "ff" + "e1" + "0004" + "6764001f" + "01" + "0004" + "68ebe3cb" + "fd" + "f8" + "f8" + "00",
                        new AvcDecoderConfigurationRecord(1, 0x64, 0, 0x1f, 3, List.of(nal("6764001f")), List.of(nal("68ebe3cb")),
                                new AvcDecoderConfigurationRecord.HighProfileExtension(1, 0, 0, List.of())),
                        true),
                Arguments.of("high without extension (lenient)",
                        "01" + "64" + "00" + "1f" + "ff" + "e1" + "0004" + "6764001f" + "01" + "0004" + "68ebe3cb",
                        new AvcDecoderConfigurationRecord(1, 0x64, 0, 0x1f, 3, List.of(nal("6764001f")), List.of(nal("68ebe3cb")), null),
                        true),
                Arguments.of("reserved bits zero, 2-byte lengths",
                        "01" + "4d" + "40" + "1e" + "01" + "00" + "00",
                        new AvcDecoderConfigurationRecord(1, 0x4d, 0x40, 0x1e, 1, List.of(), List.of(), null),
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesAndWrites(String name, String hex, AvcDecoderConfigurationRecord expected, boolean byteExact) {
        byte[] bytes = HEX.parseHex(hex);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        AvcDecoderConfigurationRecord record = AvcDecoderConfigurationRecord.parse(in);
        assertThat(record).isEqualTo(expected);
        assertThat(in.hasRemaining()).isFalse();
        if (byteExact) {
            assertThat(HEX.formatHex(record.toByteArray())).isEqualTo(hex);
        }
        assertThat(AvcDecoderConfigurationRecord.parse(ByteBuffer.wrap(record.toByteArray()))).isEqualTo(record);
        assertThat(record.encodedSize()).isEqualTo(record.toByteArray().length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isBigEndianInEveryBufferOrder(String name, String hex, AvcDecoderConfigurationRecord expected, boolean byteExact) {
        assertThat(ByteOrders.parsedFromEveryKind(HEX.parseHex(hex), AvcDecoderConfigurationRecord::parse))
                .allSatisfy(record -> assertThat(record).isEqualTo(expected));
        // sequenceParameterSetLength and pictureParameterSetLength are 16-bit big-endian
        byte[] written = ByteOrders.writtenInEveryOrder(expected.encodedSize(), expected::writeTo);
        if (byteExact) {
            assertThat(HEX.formatHex(written)).isEqualTo(hex);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyTruncationRaisesAndLeavesThePosition(String name, String hex, AvcDecoderConfigurationRecord expected, boolean byteExact) {
        byte[] bytes = HEX.parseHex(hex);
        for (int n = 0; n < bytes.length; n++) {
            ByteBuffer in = ByteBuffer.wrap(bytes, 0, n);
            try {
                AvcDecoderConfigurationRecord r = AvcDecoderConfigurationRecord.parse(in);
                // only the lenient cut right before the High-profile extension may parse
                assertThat(r.highProfileExtension()).isNull();
            } catch (StreamwireException e) {
                ModuleErrors.requireH264(e);
                assertThat(in.position()).isZero();
                assertThat(e.offset()).isBetween(0L, (long) n);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void rejectsVersionAndLengthSize() {
        assertThatThrownBy(() -> AvcDecoderConfigurationRecord.parse(nal("02640000ffe000")))
                .isInstanceOfSatisfying(H264Exception.class, e -> assertThat(e.field()).isEqualTo("avcC configurationVersion"));
        assertThatThrownBy(() -> AvcDecoderConfigurationRecord.parse(nal("01640000fee000")))
                .isInstanceOfSatisfying(H264Exception.class, e -> assertThat(e.field()).isEqualTo("avcC lengthSizeMinusOne"));
        assertThatThrownBy(() -> AvcDecoderConfigurationRecord.parse(nal("01640000ffe1ffff6764")))
                .isInstanceOfSatisfying(TruncatedInputException.class, e -> assertThat(e.field()).isEqualTo("avcC sequenceParameterSetLength"));
    }

    @Property
    void randomBytesOnlyRaiseTheModulesExceptions(@ForAll byte[] bytes) {
        try {
            AvcDecoderConfigurationRecord r = AvcDecoderConfigurationRecord.parse(ByteBuffer.wrap(bytes));
            assertThat(AvcDecoderConfigurationRecord.parse(ByteBuffer.wrap(r.toByteArray()))).isEqualTo(r);
        } catch (StreamwireException expected) {
            ModuleErrors.requireH264(expected);
        }
    }
}

package io.streamwire.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one-shot Annex B helpers behind the codec modules' {@code AnnexB} and {@code HevcAnnexB}:
 * 4-byte start codes written, NAL units Annex B cannot carry refused, and the split (the scan itself
 * is {@link NalScanner}, checked against §B.2 in {@code AnnexBFramerPropertiesTest}).
 */
class AnnexBNalsTest {
    private static final HexFormat HEX = HexFormat.of();

    private static ByteBuffer nal(String hex) {
        return ByteBuffer.wrap(HEX.parseHex(hex));
    }

    @Test
    void writesFourByteStartCodesAndSplitsBack() {
        List<ByteBuffer> nals = List.of(nal("4001"), nal("26010000aa"));
        byte[] stream = AnnexBNals.toByteArray(nals);
        assertThat(stream).isEqualTo(HEX.parseHex("00000001" + "4001" + "00000001" + "26010000aa"));
        assertThat(AnnexBNals.encodedSize(nals)).isEqualTo(stream.length);
        // slices of the stream; 3-byte start codes, leading bytes and trailing zeros as §B.2 has them
        assertThat(AnnexBNals.split(ByteBuffer.wrap(stream))).containsExactlyElementsOf(nals);
        assertThat(AnnexBNals.split(nal("ff" + "000001" + "4001" + "0000" + "000001" + "42"))).containsExactly(nal("4001"), nal("42"));
        assertThat(nals.get(0).position()).isZero();
    }

    @Test
    void refusesWhatAnnexBCannotCarry() {
        ByteBuffer out = ByteBuffer.allocate(16);
        assertThatThrownBy(() -> AnnexBNals.writeNal(ByteBuffer.allocate(0), out)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnnexBNals.writeNal(nal("4100"), out)).isInstanceOf(IllegalArgumentException.class);
        assertThat(out.position()).isZero();
    }
}

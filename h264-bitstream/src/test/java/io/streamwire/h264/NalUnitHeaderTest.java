package io.streamwire.h264;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NalUnitHeaderTest {

    @ParameterizedTest(name = "0x{0}")
    @CsvSource({
        // byte, forbidden_zero_bit, nal_ref_idc, nal_unit_type, vcl, known, extension bytes
        "67, 0, 3, 7, false, true, 0",   // x264 SPS
        "68, 0, 3, 8, false, true, 0",   // x264 PPS
        "65, 0, 3, 5, true, true, 0",    // IDR slice
        "41, 0, 2, 1, true, true, 0",    // reference non-IDR slice
        "01, 0, 0, 1, true, true, 0",    // non-reference slice (B frame)
        "06, 0, 0, 6, false, true, 0",   // SEI
        "09, 0, 0, 9, false, true, 0",   // AUD
        "6e, 0, 3, 14, false, true, 3",  // SVC prefix NAL
        "74, 0, 3, 20, false, true, 3",  // MVC coded slice extension
        "17, 0, 0, 23, false, false, 0", // reserved
        "fc, 1, 3, 28, false, false, 0", // damaged, unspecified
    })
    void decodesAndEncodes(String hex, int f, int refIdc, int type, boolean vcl, boolean known, int ext) {
        byte b = (byte) Integer.parseInt(hex, 16);
        ByteBuffer in = ByteBuffer.wrap(new byte[] {0x55, b}).position(1);
        NalUnitHeader header = NalUnitHeader.parse(in);
        assertThat(header).isEqualTo(new NalUnitHeader(f, refIdc, type));
        assertThat(in.position()).isEqualTo(2);
        assertThat(header.isVcl()).isEqualTo(vcl);
        assertThat(header.isKnownType()).isEqualTo(known);
        assertThat(header.extensionLengthBytes()).isEqualTo(ext);
        ByteBuffer out = ByteBuffer.allocate(1);
        header.writeTo(out);
        assertThat(out.get(0)).isEqualTo(b);
    }

    @Test
    void emptyInputIsH264ExceptionWithOffset() {
        ByteBuffer in = ByteBuffer.wrap(new byte[3]).position(3);
        assertThatThrownBy(() -> NalUnitHeader.parse(in))
                .isInstanceOfSatisfying(H264Exception.class, e -> {
                    assertThat(e.offset()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("nal_unit_header");
                });
        assertThat(in.position()).isEqualTo(3);
    }

    @Property
    void everyByteRoundTrips(@ForAll byte b) {
        NalUnitHeader header = NalUnitHeader.parse(ByteBuffer.wrap(new byte[] {b}));
        ByteBuffer out = ByteBuffer.allocate(1);
        header.writeTo(out);
        assertThat(out.get(0)).isEqualTo(b);
    }
}

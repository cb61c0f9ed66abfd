package io.streamwire.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.LimitExceededException;
import io.streamwire.core.TruncatedInputException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * sei_message() framing shared by the H.264 and H.265 modules: the 0xFF-extended payloadType and
 * payloadSize coding of H.264 §7.3.2.3.1 / H.265 §7.3.5 written and read back, the offsets handed to
 * the modules, and each error; user_data_unregistered()'s UUID.
 */
class SeiPayloadsTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final SeiPayloads.Format F = new SeiPayloads.Format("h265", "H265Limits.maxSeiPayloadSize()", "SEI SPEC",
            BitReaderTest.TestException::new);

    record Message(int type, int messageStart, int payloadStart, int size) {}

    private static List<Message> parse(String hex, int max) {
        List<Message> out = new ArrayList<>();
        SeiPayloads.parse(ByteBuffer.wrap(HEX.parseHex(hex)), 100, max, F, (t, m, p, s) -> out.add(new Message(t, m, p, s)));
        return out;
    }

    /** Each value is a run of 0xFF bytes (255 each) and a last byte: 600 = FF FF 5A, 255 = FF 00. */
    @Test
    void typesAndSizesAreSumsOfTheirBytes() {
        RbspWriter w = new RbspWriter();
        SeiPayloads.writeMessage(w, 600, ByteBuffer.wrap(new byte[] {1, 2}));
        SeiPayloads.writeMessage(w, 5, ByteBuffer.allocate(255));
        byte[] rbsp = w.trailingBits().toRbsp();
        assertThat(HEX.formatHex(rbsp, 0, 6)).isEqualTo("ffff5a020102");
        assertThat(HEX.formatHex(rbsp, 6, 9)).isEqualTo("05ff00");
        assertThat(rbsp).hasSize(6 + 3 + 255 + 1);
        assertThat(parse(HEX.formatHex(rbsp), 1000)).containsExactly(new Message(600, 0, 4, 2), new Message(5, 6, 9, 255));
    }

    @Property(tries = 300)
    void whatIsWrittenReadsBack(@ForAll("messages") List<byte[]> payloads, @ForAll @IntRange(max = 100_000) int type) {
        RbspWriter w = new RbspWriter();
        for (byte[] p : payloads) {
            SeiPayloads.writeMessage(w, type, ByteBuffer.wrap(p));
        }
        ByteBuffer rbsp = ByteBuffer.wrap(w.trailingBits().toRbsp());
        List<ByteBuffer> back = new ArrayList<>();
        SeiPayloads.parse(rbsp, 0, 1 << 20, F, (t, m, p, s) -> {
            assertThat(t).isEqualTo(type);
            back.add(rbsp.slice(p, s));
        });
        assertThat(back).hasSize(payloads.size());
        for (int i = 0; i < back.size(); i++) {
            assertThat(back.get(i)).isEqualTo(ByteBuffer.wrap(payloads.get(i)));
        }
    }

    @Provide
    Arbitrary<List<byte[]>> messages() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(600).list().ofMaxSize(4);
    }

    @Test
    void endsAtTrailingBitsOrLenientlyWithoutThem() {
        assertThat(parse("0501aa80", 100)).containsExactly(new Message(5, 0, 2, 1));
        assertThat(parse("0501aa", 100)).containsExactly(new Message(5, 0, 2, 1));
        assertThat(parse("80", 100)).isEmpty();
    }

    @Test
    void errorsNameTheFieldAndTheMessageOffset() {
        assertThatThrownBy(() -> parse("0501aa" + "ffff", 100)).isInstanceOfSatisfying(TruncatedInputException.class, e -> {
            assertThat(e.field()).isEqualTo("sei payloadType");
            assertThat(e.offset()).isEqualTo(105);
            assertThat(e.module()).isEqualTo("h265");
        });
        assertThatThrownBy(() -> parse("05ff", 1000)).isInstanceOfSatisfying(TruncatedInputException.class,
                e -> assertThat(e.field()).isEqualTo("sei payloadSize"));
        // size 0xFF 0x10 = 271 over a limit of 100: refused at the message's first byte, before slicing
        assertThatThrownBy(() -> parse("0501aa" + "04ff10", 100)).isInstanceOfSatisfying(LimitExceededException.class, e -> {
            assertThat(e.limitName()).isEqualTo("H265Limits.maxSeiPayloadSize()");
            assertThat(e.actual()).isEqualTo(271);
            assertThat(e.offset()).isEqualTo(103);
        });
        assertThatThrownBy(() -> parse("050a0102", 100)).isInstanceOfSatisfying(BitReaderTest.TestException.class, e -> assertThat(
                e.getMessage()).isEqualTo("sei payloadSize 10 runs past the end of the NAL unit (2 bytes remain) at offset 100; SEI SPEC"));
    }

    @Test
    void aPayloadTypePastTheIntRangeRaisesTheModulesException() {
        int ffBytes = 8_421_505; // 255 x 8,421,505 > 2^31 - 1
        byte[] rbsp = new byte[ffBytes + 1];
        java.util.Arrays.fill(rbsp, 0, ffBytes, (byte) 0xFF);
        assertThatThrownBy(() -> SeiPayloads.parse(ByteBuffer.wrap(rbsp), 7, 100, F, (t, m, p, s) -> { }))
                .isInstanceOfSatisfying(BitReaderTest.TestException.class, e -> {
                    assertThat(e.field()).isEqualTo("sei payloadType");
                    assertThat(e.offset()).isEqualTo(7);
                    assertThat(e.getMessage()).contains("exceeds 2147483647 (the int range) after 8421505 bytes");
                });
    }

    @Test
    void userDataUnregisteredCarriesItsUuidBigEndian() {
        UUID uuid = UUID.fromString("dc45e9bd-e6d9-48b7-962c-d820d923eeef"); // x264's
        ByteBuffer payload = SeiPayloads.userDataUnregistered(uuid, ByteBuffer.wrap("x264\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        assertThat(HEX.formatHex(payload.array(), 0, 16)).isEqualTo("dc45e9bde6d948b7962cd820d923eeef");
        ByteBuffer p = payload.duplicate();
        assertThat(SeiPayloads.readUuid(p, 0, "h264", "UDU SPEC")).isEqualTo(uuid);
        assertThat(SeiPayloads.latin1Text(p)).isEqualTo("x264");
        assertThat(SeiPayloads.readOnlyCopy(p).isReadOnly()).isTrue();
        assertThatThrownBy(() -> SeiPayloads.readUuid(ByteBuffer.allocate(15), 9, "h264", "UDU SPEC"))
                .isInstanceOfSatisfying(TruncatedInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("user_data_unregistered uuid_iso_iec_11578");
                    assertThat(e.offset()).isEqualTo(9);
                    assertThat(e.getMessage()).contains("needs 16 bytes, 15 present");
                });
    }
}

package io.streamwire.mp4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.Anomaly;
import io.streamwire.core.Interest;
import io.streamwire.core.LimitExceededException;
import io.streamwire.core.StreamwireException;
import io.streamwire.core.TruncatedInputException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Mp4BoxDecoder}: header forms, interests, and every refusal with its path, field and offset. */
class Mp4BoxDecoderTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] hex(String s) {
        return HEX.parseHex(s.replace(" ", ""));
    }

    /** Events as strings: container start/end with path, whole payloads in hex. */
    private static List<String> decode(byte[] input, Mp4Limits limits) {
        List<String> events = new ArrayList<>();
        Mp4BoxDecoder[] d = new Mp4BoxDecoder[1];
        d[0] = new Mp4BoxDecoder(new Mp4BoxDecoder.Listener() {
            @Override
            public void onContainerStart(BoxHeader h) {
                events.add("+" + d[0].path());
            }

            @Override
            public void onContainerEnd(BoxHeader h) {
                events.add("-" + h.type());
            }

            @Override
            public void onBox(BoxHeader h, ByteBuffer payload) {
                byte[] b = new byte[payload.remaining()];
                payload.get(b);
                events.add(d[0].path() + "=" + HEX.formatHex(b) + (h.userType() != null ? " " + h.userType() : "")
                        + (h.largeSize() ? " large" : ""));
            }

            @Override
            public void onAnomaly(Anomaly<Mp4AnomalyKind> a) {
                events.add(a.kind() + "@" + a.offset());
            }
        }, limits);
        d[0].feed(ByteBuffer.wrap(input));
        d[0].endOfInput();
        return events;
    }

    @Test
    void headerForms() {
        assertThat(decode(hex("00000001 66726565 0000000000000012 abcd"
                + " 0000001a 75756964 00112233445566778899aabbccddeeff eeff"
                + " 00000000 6d646174 0102"), Mp4Limits.defaults()))
                .containsExactly("free=abcd large", "uuid=eeff 00112233-4455-6677-8899-aabbccddeeff", "mdat=0102");
    }

    @Test
    void containersAndIndexedPaths() {
        assertThat(decode(hex("00000030 6d6f6f76 00000010 7472616b 00000008 66726565"
                + " 00000018 7472616b 00000010 6d646961 00000008 66726565"), Mp4Limits.defaults()))
                .containsExactly("+moov", "+moov/trak[1]", "moov/trak[1]/free=", "-trak", "+moov/trak[2]",
                        "+moov/trak[2]/mdia", "moov/trak[2]/mdia/free=", "-mdia", "-trak", "-moov");
    }

    @Test
    void sizeZeroInsideAContainerEndsWithItsParent() {
        // nginx-rtmp-module #1808 looped forever on a size-0 box; here it takes the rest of its parent
        assertThat(decode(hex("00000014 6d6f6f76 00000000 75647461 01020304 00000008 66726565"), Mp4Limits.defaults()))
                .containsExactly("+moov", "SIZE_ZERO_IN_CONTAINER@8", "moov/udta=01020304", "-moov", "free=");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "size below header       | 00000007 66726565                                  | free size 7 is below the header's 8 bytes at offset 0",
        "largesize below header  | 00000001 66726565 000000000000000f                 | free largesize 15 is below the header's 16 bytes at offset 0",
        "largesize above 2^63    | 00000001 66726565 8000000000000000                 | free largesize 9223372036854775808 is below the header's 16 bytes at offset 0",
        "uuid size below header  | 00000010 75756964 00112233445566778899aabbccddeeff | uuid size 16 is below the header's 24 bytes at offset 0",
        "child past parent       | 00000010 6d6f6f76 00000010 7472616b                | moov/trak[1] size 16 runs past the end of the parent (8 bytes remain) at offset 8",
        "header past parent      | 0000000c 6d6f6f76 00000000                         | moov box header needs 8 bytes, 4 remain in the parent at offset 8",
        "largesize past parent   | 00000014 6d6f6f76 00000001 66726565 0000000000000008 | moov/free box header needs 16 bytes, 12 remain in the parent at offset 8",
        "cut inside a header     | 00000010 6d6f                                      | box header input ended after 6 bytes of a header at offset 0",
        "cut inside a box        | 00000010 66726565 0102                             | free input ended 6 bytes before the end of the box (16 bytes) at offset 10",
        "cut inside a container  | 00000018 6d6f6f76 00000008 66726565                | moov input ended 8 bytes before the end of the container at offset 16"})
    void refusals(String name, String input, String message) {
        assertThatThrownBy(() -> decode(hex(input), Mp4Limits.defaults()))
                .isInstanceOf(StreamwireException.class)
                .satisfies(e -> assertThat(((StreamwireException) e).module()).isEqualTo("mp4"))
                .hasMessageStartingWith(message);
    }

    @Test
    void truncationIsTheSharedSubtype() {
        assertThatThrownBy(() -> decode(hex("00000010 66726565 0102"), Mp4Limits.defaults()))
                .isInstanceOf(TruncatedInputException.class);
        assertThatThrownBy(() -> decode(hex("00000007 66726565"), Mp4Limits.defaults())).isInstanceOf(Mp4Exception.class)
                .satisfies(e -> assertThat(((Mp4Exception) e).boxPath()).isEqualTo("free"));
    }

    @Test
    void depthLimitBeforeDescending() {
        // moov/trak/mdia/minf/stbl nested 5 deep, limit 4
        byte[] deep = hex("00000028 6d6f6f76 00000020 7472616b 00000018 6d646961 00000010 6d696e66 00000008 7374626c");
        assertThat(decode(deep, Mp4Limits.defaults())).hasSize(10);
        assertThatThrownBy(() -> decode(deep, Mp4Limits.defaults().withMaxDepth(4)))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.limitName()).isEqualTo("Mp4Limits.maxDepth()");
                    assertThat(e.offset()).isEqualTo(32);
                    assertThat(e.field()).isEqualTo("moov/trak[1]/mdia/minf/stbl");
                });
    }

    @Test
    void wholeBoxSizeLimitBeforeBuffering() {
        // a 2 GiB free box declared; nothing of it is buffered before the limit is checked
        byte[] huge = hex("7fffffff 66726565 0102");
        Mp4BoxDecoder d = new Mp4BoxDecoder((h, p) -> { }, Mp4Limits.defaults());
        assertThatThrownBy(() -> d.feed(ByteBuffer.wrap(huge))).isInstanceOfSatisfying(LimitExceededException.class, e -> {
            assertThat(e.limitName()).isEqualTo("Mp4Limits.maxBoxSize()");
            assertThat(e.actual()).isEqualTo(0x7fffffffL);
            assertThat(e.offset()).isZero();
        });
        // the same box skipped or in fragments is fine
        List<Integer> pieces = new ArrayList<>();
        Mp4BoxDecoder f = new Mp4BoxDecoder(new Mp4BoxDecoder.Listener() {
            @Override
            public Interest onBoxStart(BoxHeader h) {
                return Interest.FRAGMENTS;
            }

            @Override
            public void onBox(BoxHeader h, ByteBuffer payload) {}

            @Override
            public void onBoxFragment(BoxHeader h, ByteBuffer part, boolean last) {
                pieces.add(part.remaining());
            }
        });
        f.feed(ByteBuffer.wrap(huge));
        assertThat(pieces).containsExactly(2);
    }

    @Test
    void sizeZeroTopLevelBoxIsBoundedByMaxBoxSize() {
        Mp4BoxDecoder d = new Mp4BoxDecoder((h, p) -> { }, Mp4Limits.defaults().withMaxBoxSize(16));
        d.feed(ByteBuffer.wrap(hex("00000000 6d646174 0102030405060708")));
        assertThatThrownBy(() -> d.feed(ByteBuffer.wrap(hex("09"))))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.limitName()).isEqualTo("Mp4Limits.maxBoxSize()"));
    }
}

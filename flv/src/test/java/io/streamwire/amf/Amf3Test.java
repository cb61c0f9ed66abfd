package io.streamwire.amf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.LimitExceededException;
import io.streamwire.core.StreamwireException;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.testkit.ByteOrders;
import io.streamwire.testkit.Chunks;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Amf3Test {
    private static final HexFormat HEX = HexFormat.of();

    static Stream<Arguments> cases() {
        Map<String, Amf3Value> members = new LinkedHashMap<>();
        members.put("a", new Amf3Integer(1));
        Amf3Traits point = new Amf3Traits("Point", List.of("x", "y"), false, false);
        return Stream.of(
                Arguments.of("undefined", "00", Amf3Undefined.INSTANCE),
                Arguments.of("null", "01", Amf3Null.INSTANCE),
                Arguments.of("false", "02", Amf3Boolean.FALSE),
                Arguments.of("true", "03", Amf3Boolean.TRUE),
                Arguments.of("integer 0", "0400", new Amf3Integer(0)),
                Arguments.of("integer 127", "047f", new Amf3Integer(127)),
                Arguments.of("integer 128", "048100", new Amf3Integer(128)),
                Arguments.of("integer 16384", "04818000", new Amf3Integer(16384)),
                Arguments.of("integer 2^21", "0480c08000", new Amf3Integer(1 << 21)),
                Arguments.of("integer max", "04bfffffff", new Amf3Integer(Amf3Integer.MAX)),
                Arguments.of("integer -1", "04ffffffff", new Amf3Integer(-1)),
                Arguments.of("integer min", "04c0808000", new Amf3Integer(Amf3Integer.MIN)),
                Arguments.of("double", "05400c000000000000", new Amf3Double(3.5)),
                Arguments.of("string", "0607666f6f", new Amf3String("foo")),
                Arguments.of("string reference", "0905010607666f6f0600", Amf3Array.of(List.of(new Amf3String("foo"), new Amf3String("foo")))),
                Arguments.of("date", "08010000000000000000", new Amf3Date(0)),
                Arguments.of("byte array", "0c0701ff02", new Amf3ByteArray(new byte[] {1, -1, 2})),
                Arguments.of("associative array", "090303610401010401", new Amf3Array(members, List.of(new Amf3Integer(1)))),
                Arguments.of("anonymous object", "0a0b010361040101", Amf3Object.anonymous(members)),
                Arguments.of("vector int", "0d05010000000180000000", new Amf3VectorInt(true, new int[] {1, Integer.MIN_VALUE})),
                Arguments.of("vector uint", "0e0300ffffffff", new Amf3VectorUint(false, new int[] {-1})),
                Arguments.of("vector double", "0f0300400c000000000000", new Amf3VectorDouble(false, new double[] {3.5})),
                Arguments.of("vector object", "1003000103", new Amf3VectorObject(false, "", List.of(Amf3Boolean.TRUE))),
                Arguments.of("dictionary", "1103010403060361", new Amf3Dictionary(true, List.of(
                        new Amf3Dictionary.Entry(new Amf3Integer(3), new Amf3String("a"))))),
                Arguments.of("cycle", "0a0b010973656c660a0001", Amf3Object.anonymous(Map.of("self", new Amf3Reference(0)))),
                Arguments.of("typed sealed", "0a230b506f696e74037803790401040 2".replace(" ", ""),
                        new Amf3Object(point, List.of(new Amf3Integer(1), new Amf3Integer(2)), Map.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodesAndEncodes(String name, String hex, Amf3Value expected) {
        if (expected == null) {
            return; // covered by the next test
        }
        byte[] bytes = HEX.parseHex(hex);
        for (Chunks.Kind kind : Chunks.Kind.values()) {
            ByteBuffer in = kind.wrap(bytes);
            int start = in.position();
            assertThat(new Amf3Reader().readValue(in)).as(kind.name()).isEqualTo(expected);
            assertThat(in.position()).isEqualTo(start + bytes.length);
        }
        assertThat(HEX.formatHex(Amf3Writer.encode(expected))).isEqualTo(hex);
        assertThat(HEX.formatHex(ByteOrders.writtenInEveryOrder(bytes.length, out -> new Amf3Writer().writeValue(out, expected))))
                .isEqualTo(hex);
    }

    @Test
    void traitsReferenceSharesTraits() {
        Amf3Traits point = new Amf3Traits("Point", List.of("x", "y"), false, false);
        Amf3Array array = Amf3Array.of(List.of(new Amf3Object(point, List.of(new Amf3Integer(1), new Amf3Integer(2)), Map.of()),
                new Amf3Object(point, List.of(new Amf3Integer(3), new Amf3Integer(4)), Map.of())));
        byte[] bytes = Amf3Writer.encode(array);
        // second object: 0x01 = traits reference 0 (U29O-traits-ref)
        assertThat(HEX.formatHex(bytes)).isEqualTo("090501" + "0a230b506f696e740378037904010402" + "0a0104030404");
        Amf3Array back = (Amf3Array) new Amf3Reader().readValue(ByteBuffer.wrap(bytes));
        assertThat(back).isEqualTo(array);
        assertThat(((Amf3Object) back.dense().get(0)).traits()).isSameAs(((Amf3Object) back.dense().get(1)).traits());
    }

    @Test
    void integersOutsideU29AreRejectedByTheRecord() {
        assertThatThrownBy(() -> new Amf3Integer(Amf3Integer.MAX + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("overlong U29", "048000", "amf3 integer", 1),
                Arguments.of("overlong 4-byte U29", "0480808000", "amf3 integer", 1),
                Arguments.of("unknown marker", "12", "amf3 type-marker", 0),
                Arguments.of("truncated U29", "0481", "amf3 integer", 2),
                Arguments.of("string reference out of range", "0602", "amf3 string", 1),
                Arguments.of("object reference out of range", "0902", "amf3 object reference", 1),
                Arguments.of("traits reference out of range", "0a05", "amf3 traits reference", 1),
                Arguments.of("string past the end", "060b61", "amf3 string 5", 1),
                Arguments.of("dense count past the end", "097f", "amf3 array dense count 63", 1),
                Arguments.of("vector count past the end", "0d0900", "amf3 vector count 4", 1),
                Arguments.of("externalizable without reader", "0a0703416201", "amf3 externalizable object", 1),
                Arguments.of("dynamic member repeats", "0a0b01036101000101", "amf3 dynamic member name", 7));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void rejectsWithOffsetAndField(String name, String hex, String field, long offset) {
        ByteBuffer in = ByteBuffer.wrap(HEX.parseHex(hex));
        assertThatThrownBy(() -> new Amf3Reader().readValue(in)).isInstanceOfSatisfying(StreamwireException.class, e -> {
            assertThat(e.module()).isEqualTo("amf");
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.offset()).isEqualTo(offset);
        });
        assertThat(in.position()).isZero();
    }

    @Test
    void limitsAreCheckedBeforeAllocating() {
        AmfLimits small = AmfLimits.defaults().withMaxDepth(2).withMaxElements(3).withMaxStringBytes(2);
        assertThatThrownBy(() -> new Amf3Reader(small).readValue(ByteBuffer.wrap(HEX.parseHex("09030109030109030101"))))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.limitName()).isEqualTo("AmfLimits.maxDepth()"));
        assertThatThrownBy(() -> new Amf3Reader(small).readValue(ByteBuffer.wrap(HEX.parseHex("0d09" + "00".repeat(17)))))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.limitName()).isEqualTo("AmfLimits.maxElements()"));
        assertThatThrownBy(() -> new Amf3Reader(small).readValue(ByteBuffer.wrap(HEX.parseHex("0607616263"))))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.limitName()).isEqualTo("AmfLimits.maxStringBytes()"));
        // a hostile byte-array length (2^28-1) with 3 bytes present: the remaining-bytes check, no allocation
        assertThatThrownBy(() -> new Amf3Reader(AmfLimits.defaults().withMaxStringBytes(Integer.MAX_VALUE))
                .readValue(ByteBuffer.wrap(HEX.parseHex("0cffffffff010203"))))
                .isInstanceOfSatisfying(TruncatedInputException.class, e -> assertThat(e.module()).isEqualTo("amf"));
    }
}

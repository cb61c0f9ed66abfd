package io.streamwire.amf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.LimitExceededException;
import io.streamwire.core.StreamwireException;
import io.streamwire.testkit.Allocation;
import io.streamwire.testkit.ByteOrders;
import io.streamwire.testkit.Chunks;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Amf0Test {
    private static final HexFormat HEX = HexFormat.of();

    static Map<String, Amf0Value> props(Object... kv) {
        Map<String, Amf0Value> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put((String) kv[i], (Amf0Value) kv[i + 1]);
        }
        return map;
    }

    /** The case table: name, wire bytes, value. Used for decoding, encoding and as property seeds. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("number 1.5", "003ff8000000000000", Amf0Value.of(1.5)),
                Arguments.of("boolean true", "0101", Amf0Value.of(true)),
                Arguments.of("boolean false", "0100", Amf0Value.of(false)),
                Arguments.of("string", "0200077075626c697368", new Amf0String("publish")),
                Arguments.of("string utf-8", "020003e282ac", new Amf0String("\u20ac")),
                Arguments.of("empty string", "020000", new Amf0String("")),
                Arguments.of("null", "05", Amf0Null.INSTANCE),
                Arguments.of("undefined", "06", Amf0Undefined.INSTANCE),
                Arguments.of("unsupported", "0d", Amf0Unsupported.INSTANCE),
                Arguments.of("object", "030003617070020004 6c697665000009".replace(" ", ""),
                        new Amf0Object(props("app", new Amf0String("live")))),
                Arguments.of("empty object", "03000009", new Amf0Object(Map.of())),
                Arguments.of("object with empty key", "03000005000009", new Amf0Object(props("", Amf0Null.INSTANCE))),
                Arguments.of("ecma array", "080000000100086475726174696f6e004024000000000000000009",
                        new Amf0EcmaArray(props("duration", Amf0Value.of(10.0)))),
                Arguments.of("strict array", "0a00000002003ff000000000000002000161",
                        new Amf0StrictArray(List.of(Amf0Value.of(1.0), new Amf0String("a")))),
                Arguments.of("date with time zone", "0b0000000000000000fe20",
                        new Amf0Date(0.0, -480)),
                Arguments.of("xml document", "0f000000043c612f3e", new Amf0XmlDocument("<a/>")),
                Arguments.of("typed object", "100003506574000361676500" + "3ff0000000000000" + "000009",
                        new Amf0TypedObject("Pet", props("age", Amf0Value.of(1.0)))),
                Arguments.of("avmplus integer", "110405", new Amf0Avmplus(new Amf3Integer(5))),
                Arguments.of("cycle stays a reference", "03000473656c66070000000009",
                        new Amf0Object(props("self", new Amf0Reference(0)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodesAndEncodes(String name, String hex, Amf0Value expected) {
        byte[] bytes = HEX.parseHex(hex);
        for (Chunks.Kind kind : Chunks.Kind.values()) {
            ByteBuffer in = kind.wrap(bytes);
            int start = in.position();
            assertThat(Amf0Reader.readValue(in)).as(kind.name()).isEqualTo(expected);
            assertThat(in.position()).isEqualTo(start + bytes.length);
        }
        assertThat(HEX.formatHex(Amf0Writer.encode(expected))).isEqualTo(hex);
        assertThat(HEX.formatHex(ByteOrders.writtenInEveryOrder(bytes.length, out -> new Amf0Writer().writeValue(out, expected))))
                .isEqualTo(hex);
        assertThat(Amf0Writer.encodedSize(expected)).isEqualTo(bytes.length);
    }

    @Test
    void sharedInstanceBecomesReferenceAndBack() {
        Amf0Object shared = new Amf0Object(props("a", Amf0Value.of(1.0)));
        Amf0StrictArray array = new Amf0StrictArray(List.of(shared, shared));
        byte[] bytes = Amf0Writer.encode(array);
        // strict array (ref 0), object (ref 1), reference to 1
        assertThat(HEX.formatHex(bytes)).isEqualTo("0a00000002" + "030001610" + "03ff0000000000000000009" + "070001");
        Amf0StrictArray back = (Amf0StrictArray) Amf0Reader.readValue(ByteBuffer.wrap(bytes));
        assertThat(back).isEqualTo(array);
        assertThat(back.values().get(0)).isSameAs(back.values().get(1));
    }

    @Test
    void longStringSwitchesMarker() {
        String s = "x".repeat(70_000);
        byte[] bytes = Amf0Writer.encode(new Amf0String(s));
        assertThat(bytes[0]).isEqualTo((byte) 0x0C);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(70_000);
        assertThat(Amf0Reader.readValue(ByteBuffer.wrap(bytes))).isEqualTo(new Amf0String(s));
        assertThat(HEX.formatHex(Amf0Writer.encode(new Amf0String("x".repeat(65_535))), 0, 3)).isEqualTo("02ffff");
    }

    static byte[] connect() {
        Amf0Value object = new Amf0Object(props(
                "app", new Amf0String("live"),
                "flashVer", new Amf0String("FMLE/3.0 (compatible; FMSc/1.0)"),
                "swfUrl", new Amf0String("rtmp://localhost/live"),
                "tcUrl", new Amf0String("rtmp://localhost/live"),
                "type", new Amf0String("nonprivate"),
                "fpad", Amf0Value.of(false),
                "capabilities", Amf0Value.of(15.0),
                "audioCodecs", Amf0Value.of(3191.0),
                "videoCodecs", Amf0Value.of(252.0),
                "videoFunction", Amf0Value.of(1.0),
                "objectEncoding", Amf0Value.of(0.0)));
        return Amf0Command.of("connect", 1, object).toByteArray();
    }

    @Test
    void commandRoundTrip() {
        byte[] bytes = connect();
        Amf0Command command = Amf0Command.parse(ByteBuffer.wrap(bytes));
        assertThat(command.name()).isEqualTo("connect");
        assertThat(command.transactionId()).isEqualTo(1.0);
        assertThat(command.commandObject().asProperties().get("tcUrl").asString()).isEqualTo("rtmp://localhost/live");
        assertThat(command.arguments()).isEmpty();
        assertThat(command.toByteArray()).isEqualTo(bytes);
        assertThat(command.encodedSize()).isEqualTo(bytes.length);

        Amf0Command publish = Amf0Command.of("publish", 5, Amf0Null.INSTANCE, new Amf0String("stream"), new Amf0String("live"));
        ByteBuffer out = ByteBuffer.allocate(publish.encodedSize());
        publish.writeTo(out);
        assertThat(Amf0Command.parse(out.flip())).isEqualTo(publish);
        assertThatThrownBy(() -> Amf0Command.parse(ByteBuffer.wrap(HEX.parseHex("0200016102000162"))))
                .isInstanceOfSatisfying(AmfException.class, e -> assertThat(e.field()).isEqualTo("amf0 number"));
    }

    @Test
    void tokenWalkOfConnect() {
        Amf0TokenReader r = new Amf0TokenReader().reset(ByteBuffer.wrap(connect()));
        List<String> seen = new ArrayList<>();
        Amf0Token t;
        while ((t = r.next()) != Amf0Token.END_OF_INPUT) {
            seen.add(t == Amf0Token.PROPERTY_NAME || t == Amf0Token.STRING ? t + ":" + r.string() : t.name());
        }
        assertThat(seen).startsWith("STRING:connect", "NUMBER", "OBJECT_START", "PROPERTY_NAME:app", "STRING:live");
        assertThat(seen).endsWith("PROPERTY_NAME:objectEncoding", "NUMBER", "OBJECT_END");
        assertThat(r.next()).isEqualTo(Amf0Token.END_OF_INPUT);
    }

    @Test
    void tokenPathAllocatesNothing() {
        tokenWalkAllocatesNothing(ByteBuffer.allocateDirect(connect().length).put(connect()).flip());
    }

    /** Heap buffers are read through their array (a different path from direct buffers), with an offset here. */
    @Test
    void tokenPathOverAHeapArrayAllocatesNothing() {
        byte[] c = connect();
        ByteBuffer padded = ByteBuffer.allocate(c.length + 7).position(7);
        padded.put(c).position(7);
        tokenWalkAllocatesNothing(padded.slice());
    }

    private static void tokenWalkAllocatesNothing(ByteBuffer body) {
        Amf0TokenReader r = new Amf0TokenReader();
        double[] sink = new double[1];
        Allocation.assertAllocatesNothing("AMF0 token walk of connect", 60_000, 2_000, 0, () -> {
            r.reset(body);
            double sum = 0;
            Amf0Token t;
            while ((t = r.next()) != Amf0Token.END_OF_INPUT) {
                if (t == Amf0Token.NUMBER) {
                    sum += r.number();
                } else if (t == Amf0Token.PROPERTY_NAME && r.stringEquals("tcUrl")) {
                    sum += r.stringLength();
                }
            }
            sink[0] += sum;
        });
        ByteBuffer out = ByteBuffer.allocate(256);
        Amf0Writer w = new Amf0Writer();
        Allocation.assertAllocatesNothing("AMF0 token write of a _result", 20_000, 2_000, 0, () -> {
            out.clear();
            w.reset().writeString(out, "_result").writeNumber(out, 1).writeObjectStart(out)
                    .writePropertyName(out, "fmsVer").writeString(out, "FMS/3,0,1,123")
                    .writePropertyName(out, "capabilities").writeNumber(out, 31).writeObjectEnd(out);
        });
        assertThat(sink[0]).isPositive();
    }

    @Test
    void wellKnownNamesAreSharedConstants() {
        Amf0TokenReader r = new Amf0TokenReader().reset(ByteBuffer.wrap(connect()));
        assertThat(r.readString()).isSameAs("connect");
        ByteBuffer other = ByteBuffer.wrap(Amf0Writer.encode(List.of(new Amf0String("connecT"), new Amf0String("tcUrl"),
                new Amf0String("\u00e9tcUrl"), new Amf0String(""))));
        Amf0TokenReader o = new Amf0TokenReader().reset(other);
        assertThat(o.readString()).isEqualTo("connecT");
        assertThat(o.readString()).isSameAs("tcUrl");
        assertThat(o.readString()).isEqualTo("\u00e9tcUrl");
        assertThat(o.readString()).isEmpty();
    }

    @Test
    void skipValueSkipsContainers() {
        Amf0TokenReader r = new Amf0TokenReader().reset(ByteBuffer.wrap(connect()));
        assertThat(r.skipValue()).isEqualTo(Amf0Token.STRING);
        assertThat(r.skipValue()).isEqualTo(Amf0Token.NUMBER);
        assertThat(r.skipValue()).isEqualTo(Amf0Token.OBJECT_START);
        assertThat(r.hasRemaining()).isFalse();
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("movieclip reserved", "04", "amf0 type-marker", 0),
                Arguments.of("recordset reserved", "0e", "amf0 type-marker", 0),
                Arguments.of("unknown marker", "12", "amf0 type-marker", 0),
                Arguments.of("object end outside object", "09", "amf0 object-end-marker", 0),
                Arguments.of("truncated number", "003ff000", "amf0 number", 0),
                Arguments.of("string past the end", "020010616263", "amf0 string", 0),
                Arguments.of("reference out of range", "0a00000001070001", "amf0 reference", 6),
                Arguments.of("reference forward", "070000", "amf0 reference", 1),
                Arguments.of("strict array count past bytes", "0affffffff", "amf0 array-count", 1),
                Arguments.of("object without end", "0300016105", "amf0 property name", 5),
                Arguments.of("object end truncated", "030000", "amf0 object-end-marker", 1),
                Arguments.of("long string past the end", "0c7fffffff41", "amf0 long-string", 0),
                Arguments.of("amf3 overlong u29", "11048000", "amf3 integer", 2),
                Arguments.of("property name repeats", "03000161050001610500000009", "amf0 property name", 5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void rejectsWithOffsetAndField(String name, String hex, String field, long offset) {
        byte[] bytes = HEX.parseHex(hex);
        for (Chunks.Kind kind : Chunks.Kind.values()) {
            ByteBuffer in = kind.wrap(bytes);
            int start = in.position();
            assertThatThrownBy(() -> Amf0Reader.readAll(in)).isInstanceOfSatisfying(StreamwireException.class, e -> {
                assertThat(e.module()).isEqualTo("amf");
                assertThat(e.field()).startsWith(field);
                assertThat(e.offset()).isEqualTo(offset);
            });
            assertThat(in.position()).isEqualTo(start);
        }
    }

    @Test
    void hostileSizesHitLimitsWithoutAllocating() {
        AmfLimits small = AmfLimits.defaults().withMaxDepth(3).withMaxElements(2).withMaxStringBytes(4);
        assertLimit("0a00000001".repeat(4) + "05", small, "maxDepth", 3, 15);
        assertLimit("0a00000003050505", small, "maxElements", 2, 1);
        assertLimit("0300016105000162050001630500000009", small, "maxElements", 2, 9);
        assertLimit("020005616263646566", small, "maxStringBytes", 4, 0);
        assertLimit("0a7fffffff", AmfLimits.defaults(), "maxElements", AmfLimits.DEFAULT_MAX_ELEMENTS, 1);
        assertLimit("0c7fffffff", AmfLimits.defaults(), "maxStringBytes", AmfLimits.DEFAULT_MAX_STRING_BYTES, 0);
        assertLimit("1109" + "7f".repeat(1), AmfLimits.defaults().withMaxElements(10), "maxElements", 10, 2);
    }

    private static void assertLimit(String hex, AmfLimits limits, String limitName, long limit, long offset) {
        assertThatThrownBy(() -> Amf0Reader.readAll(ByteBuffer.wrap(HEX.parseHex(hex)), limits))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.module()).isEqualTo("amf");
                    assertThat(e.limitName()).isEqualTo("AmfLimits." + limitName + "()");
                    assertThat(e.limit()).isEqualTo(limit);
                    assertThat(e.offset()).isEqualTo(offset);
                    assertThat(e.getMessage()).contains("AmfLimits." + limitName + "()");
                });
    }

    @Test
    void ecmaArrayCountIsAHint() {
        // count says 5, one property follows, then object-end
        Amf0Value v = Amf0Reader.readValue(ByteBuffer.wrap(HEX.parseHex("08000000050001610101000009")));
        assertThat(v).isEqualTo(new Amf0EcmaArray(props("a", Amf0Value.of(true))));
    }

    @Test
    void streamOffsetIsAddedToErrors() {
        Amf0TokenReader r = new Amf0TokenReader().reset(ByteBuffer.wrap(HEX.parseHex("0504")), 1000);
        assertThat(r.next()).isEqualTo(Amf0Token.NULL);
        assertThatThrownBy(r::next).isInstanceOfSatisfying(AmfException.class, e -> assertThat(e.offset()).isEqualTo(1001));
    }
}

package io.streamwire.amf;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

class Amf3PropertiesTest {

    @Provide
    Arbitrary<Amf3Value> values() {
        return value(3);
    }

    static Arbitrary<Amf3Value> value(int depth) {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(3);
        Arbitrary<Amf3Value> leaf = Arbitraries.oneOf(
                Arbitraries.just(Amf3Undefined.INSTANCE), Arbitraries.just(Amf3Null.INSTANCE),
                Arbitraries.of(Amf3Boolean.TRUE, Amf3Boolean.FALSE),
                Arbitraries.integers().between(Amf3Integer.MIN, Amf3Integer.MAX).map(Amf3Integer::new),
                Arbitraries.doubles().map(Amf3Double::new),
                Arbitraries.strings().ofMaxLength(12).map(Amf3String::new),
                names.map(Amf3String::new),
                Arbitraries.strings().ofMaxLength(6).map(Amf3Xml::new),
                Arbitraries.strings().ofMaxLength(6).map(Amf3XmlDocument::new),
                Arbitraries.longs().between(-10_000_000_000_000L, 10_000_000_000_000L).map(l -> new Amf3Date(l)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(8).map(Amf3ByteArray::new),
                Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().array(int[].class).ofMaxSize(4))
                        .as(Amf3VectorInt::new),
                Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().array(int[].class).ofMaxSize(4))
                        .as(Amf3VectorUint::new),
                Combinators.combine(Arbitraries.of(true, false), Arbitraries.doubles().array(double[].class).ofMaxSize(4))
                        .as(Amf3VectorDouble::new));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Amf3Value> child = value(depth - 1);
        Arbitrary<LinkedHashMap<String, Amf3Value>> members = Arbitraries.maps(names, child).ofMaxSize(3).map(LinkedHashMap::new);
        Arbitrary<Amf3Value> sealed = Combinators.combine(names, names.set().ofMaxSize(3), Arbitraries.of(true, false), child)
                .as((cls, fields, dynamic, v) -> {
                    List<Amf3Value> vals = new ArrayList<>();
                    fields.forEach(f -> vals.add(v));
                    return new Amf3Object(new Amf3Traits(cls, new ArrayList<>(fields), dynamic, false), vals,
                            dynamic ? java.util.Map.of("zz", v) : java.util.Map.of());
                });
        return Arbitraries.frequencyOf(
                Tuple.of(4, leaf),
                Tuple.of(1, Combinators.combine(members, child.list().ofMaxSize(3)).as(Amf3Array::new)),
                Tuple.of(1, members.map(Amf3Object::anonymous)),
                Tuple.of(1, sealed),
                Tuple.of(1, child.list().ofMaxSize(3).map(l -> new Amf3VectorObject(false, "*", l))),
                Tuple.of(1, Combinators.combine(child, child).as((k, v) -> new Amf3Dictionary(false,
                        List.of(new Amf3Dictionary.Entry(k, v))))),
                Tuple.of(1, child.map(c -> Amf3Array.of(List.of(c, c, Amf3Null.INSTANCE)))),
                Tuple.of(1, child.map(c -> new Amf3Externalizable("flex.messaging.io.ArrayCollection", Amf3Array.of(List.of(c))))));
    }

    static Amf3Reader reader() {
        return new Amf3Reader().register("flex.messaging.io.ArrayCollection", (c, in) -> in.readValue());
    }

    @Property(tries = 500)
    void decodingWhatWasEncodedGivesTheValue(@ForAll("values") Amf3Value value) {
        byte[] bytes = Amf3Writer.encode(value);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        assertThat(reader().readValue(in)).isEqualTo(value);
        assertThat(in.hasRemaining()).isFalse();
        // the same through AMF0's avmplus switch
        byte[] amf0 = Amf0Writer.encode(new Amf0Avmplus(value));
        Amf0TokenReader tokens = new Amf0TokenReader().reset(ByteBuffer.wrap(amf0));
        if (!(value instanceof Amf3Externalizable) && !containsExternalizable(bytes)) {
            assertThat(Amf0Reader.readValue(ByteBuffer.wrap(amf0))).isEqualTo(new Amf0Avmplus(value));
        }
        assertThat(tokens).isNotNull();
    }

    private static boolean containsExternalizable(byte[] bytes) {
        return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains("ArrayCollection");
    }

    @Property(tries = 500)
    void mutatedBytesOnlyRaiseAmfModuleExceptions(@ForAll("values") Amf3Value value, @ForAll @IntRange(min = 0, max = 1000) int at,
            @ForAll byte flip) {
        byte[] bytes = Amf3Writer.encode(value);
        bytes[at % bytes.length] ^= flip;
        try {
            reader().readValue(ByteBuffer.wrap(bytes));
            java.util.Arrays.fill(bytes, at % bytes.length, bytes.length, (byte) 0);
        } catch (StreamwireException expected) {
            assertThat(expected.module()).isEqualTo("amf"); // the only failure allowed
        }
    }
}

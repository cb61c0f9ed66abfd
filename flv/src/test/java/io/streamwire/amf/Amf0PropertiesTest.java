package io.streamwire.amf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class Amf0PropertiesTest {

    @Provide
    Arbitrary<Amf0Value> values() {
        return value(3);
    }

    static Arbitrary<Amf0Value> value(int depth) {
        Arbitrary<Amf0Value> leaf = Arbitraries.oneOf(
                Arbitraries.doubles().map(Amf0Value::of),
                Arbitraries.of(Double.NaN, Double.NEGATIVE_INFINITY, -0.0).map(Amf0Value::of),
                Arbitraries.of(true, false).map(Amf0Value::of),
                Arbitraries.strings().ofMaxLength(20).map(Amf0String::new),
                Arbitraries.just(Amf0Null.INSTANCE), Arbitraries.just(Amf0Undefined.INSTANCE),
                Arbitraries.just(Amf0Unsupported.INSTANCE),
                Arbitraries.strings().ofMaxLength(10).map(Amf0XmlDocument::new),
                Arbitraries.integers().between(-32768, 32767).map(tz -> new Amf0Date(1.7e12 + tz, tz)),
                Arbitraries.integers().between(-1000, 1000).map(i -> new Amf0Avmplus(new Amf3Integer(i))));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Amf0Value> child = value(depth - 1);
        Arbitrary<Map<String, Amf0Value>> props = Arbitraries.maps(Arbitraries.strings().ofMaxLength(8), child).ofMaxSize(4)
                .map(LinkedHashMap::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, leaf),
                net.jqwik.api.Tuple.of(1, props.map(Amf0Object::new)),
                net.jqwik.api.Tuple.of(1, props.map(Amf0EcmaArray::new)),
                net.jqwik.api.Tuple.of(1, props.map(p -> new Amf0TypedObject("a.B", p))),
                net.jqwik.api.Tuple.of(1, child.list().ofMaxSize(4).map(Amf0StrictArray::new)),
                net.jqwik.api.Tuple.of(1, child.list().ofMinSize(1).ofMaxSize(3).map(l -> {
                    List<Amf0Value> shared = new ArrayList<>(l);
                    shared.add(l.get(0)); // same instance twice: a reference if complex
                    return new Amf0StrictArray(shared);
                })));
    }

    @Property(tries = 500)
    void decodingWhatWasEncodedGivesTheValue(@ForAll("values") Amf0Value value) {
        byte[] bytes = Amf0Writer.encode(value);
        assertThat(bytes).hasSize(Amf0Writer.encodedSize(value));
        ByteBuffer in = ByteBuffer.wrap(bytes);
        assertThat(Amf0Reader.readValue(in)).isEqualTo(value);
        assertThat(in.hasRemaining()).isFalse();
        // token walk and skip agree with the tree on where the value ends
        Amf0TokenReader r = new Amf0TokenReader().reset(ByteBuffer.wrap(bytes));
        r.skipValue();
        assertThat(r.position()).isEqualTo(bytes.length);
    }

    @Property(tries = 500)
    void mutatedBytesOnlyRaiseAmfException(@ForAll("values") Amf0Value value, @ForAll @IntRange(min = 0, max = 1000) int at,
            @ForAll byte flip, @ForAll boolean truncate) {
        byte[] bytes = Amf0Writer.encode(value);
        if (truncate) {
            bytes = java.util.Arrays.copyOf(bytes, at % bytes.length);
        } else {
            bytes[at % bytes.length] ^= flip;
        }
        try {
            Amf0Reader.readAll(ByteBuffer.wrap(bytes));
        } catch (AmfException expected) {
            // the only failure allowed
        }
    }

    @Property(tries = 300)
    void randomBytesOnlyRaiseAmfException(@ForAll byte[] bytes) {
        try {
            Amf0Reader.readAll(ByteBuffer.wrap(bytes));
        } catch (AmfException expected) {
            // the only failure allowed
        }
    }
}

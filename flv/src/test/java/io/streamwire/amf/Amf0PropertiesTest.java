package io.streamwire.amf;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.core.StreamwireException;
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

    /** Only the markers the direct tree path reads itself (see Amf0TreeReader), any nesting. */
    @Provide
    Arbitrary<Amf0Value> commonValues() {
        return commonValue(3);
    }

    static Arbitrary<Amf0Value> commonValue(int depth) {
        Arbitrary<Amf0Value> leaf = Arbitraries.oneOf(
                Arbitraries.doubles().map(Amf0Value::of),
                Arbitraries.of(Double.NaN, -0.0, 0.0, 1.0).map(Amf0Value::of),
                Arbitraries.of(true, false).map(Amf0Value::of),
                Arbitraries.strings().ofMaxLength(30).map(Amf0String::new),
                Arbitraries.strings().ascii().ofMaxLength(30).map(Amf0String::new),
                Arbitraries.of("app", "tcUrl", "duration", "live", "connect").map(Amf0String::new),
                Arbitraries.just(Amf0Null.INSTANCE), Arbitraries.just(Amf0Undefined.INSTANCE));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Amf0Value> child = commonValue(depth - 1);
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(8),
                Arbitraries.of("app", "width", "height", "duration", "encoder", "tcUrl"));
        Arbitrary<Map<String, Amf0Value>> props = Arbitraries.maps(names, child).ofMaxSize(20).map(LinkedHashMap::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, leaf),
                net.jqwik.api.Tuple.of(1, props.map(Amf0Object::new)),
                net.jqwik.api.Tuple.of(1, props.map(Amf0EcmaArray::new)),
                net.jqwik.api.Tuple.of(1, child.list().ofMaxSize(5).map(Amf0StrictArray::new)));
    }

    /**
     * The direct tree path (heap buffers) and the token reader (a direct buffer always goes through
     * it) give equal values, positions and errors, whole or mutated, for {@code readAll},
     * {@code readValue} and {@code Amf0Command.parse}.
     */
    @Property(tries = 1000)
    void directTreePathAgreesWithTheTokenReader(@ForAll("commonValues") Amf0Value value,
            @ForAll("commonValues") Amf0Value argument, @ForAll @IntRange(min = 0, max = 1000) int at,
            @ForAll byte flip, @ForAll @IntRange(min = 0, max = 2) int mutation) {
        byte[] bytes = Amf0Command.of("connect", 1, value, argument).toByteArray();
        if (mutation == 1) {
            bytes = java.util.Arrays.copyOf(bytes, at % bytes.length);
        } else if (mutation == 2) {
            bytes[at % bytes.length] ^= flip;
        }
        for (java.util.function.Function<ByteBuffer, Object> read : List.<java.util.function.Function<ByteBuffer, Object>>of(
                Amf0Reader::readAll, Amf0Reader::readValue, Amf0Command::parse)) {
            ByteBuffer heap = ByteBuffer.wrap(bytes);
            ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
            assertThat(outcome(read, heap)).isEqualTo(outcome(read, direct));
            assertThat(heap.position()).isEqualTo(direct.position());
        }
    }

    private static Object outcome(java.util.function.Function<ByteBuffer, Object> read, ByteBuffer in) {
        try {
            return read.apply(in);
        } catch (StreamwireException e) {
            assertThat(e.module()).isEqualTo("amf");
            return e.getClass().getName() + " " + e.field() + " " + e.offset() + " " + e.getMessage();
        }
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
    void mutatedBytesOnlyRaiseAmfModuleExceptions(@ForAll("values") Amf0Value value, @ForAll @IntRange(min = 0, max = 1000) int at,
            @ForAll byte flip, @ForAll boolean truncate) {
        byte[] bytes = Amf0Writer.encode(value);
        if (truncate) {
            bytes = java.util.Arrays.copyOf(bytes, at % bytes.length);
        } else {
            bytes[at % bytes.length] ^= flip;
        }
        try {
            Amf0Reader.readAll(ByteBuffer.wrap(bytes));
        } catch (StreamwireException expected) {
            assertThat(expected.module()).isEqualTo("amf"); // the only failure allowed
        }
    }

    @Property(tries = 300)
    void randomBytesOnlyRaiseAmfModuleExceptions(@ForAll byte[] bytes) {
        try {
            Amf0Reader.readAll(ByteBuffer.wrap(bytes));
        } catch (StreamwireException expected) {
            assertThat(expected.module()).isEqualTo("amf"); // the only failure allowed
        }
    }
}

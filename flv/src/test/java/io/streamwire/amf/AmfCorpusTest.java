package io.streamwire.amf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.LimitExceededException;
import io.streamwire.core.StreamwireException;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.core.UnsupportedFeatureException;
import io.streamwire.testkit.Corpus;
import io.streamwire.testkit.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** rocketamf and erl-amf AMF0/AMF3 vectors against their expected values (interop profile). */
@Tag("interop")
class AmfCorpusTest {
    /** Inputs the erl-amf source rejects by choice although AMF0 allows them; we decode them. */
    static final Set<String> ERL_SOURCE_CHOICES = Set.of("amf0-boolean-invalid.bin", "amf0-circular-reference.bin",
            "amf0-date-invalid.bin", "amf0-date-minus.bin", "amf0-number-negative-infinity.bin",
            "amf0-number-positive-infinity.bin", "amf0-number-quiet-nan.bin", "amf0-number-signaling-nan.bin",
            "amf0-unsupported.bin");

    @SuppressWarnings("unchecked")
    static Stream<Arguments> vectors(String dir, String json, String binDir) throws IOException {
        Object root = Json.parse(Files.readString(Corpus.resolve(dir + "/" + json)));
        List<Arguments> out = new ArrayList<>();
        for (Object v : (List<Object>) Json.at(root, "vectors")) {
            Map<String, Object> m = (Map<String, Object>) v;
            out.add(Arguments.of(dir + " " + m.get("file"), Corpus.resolve(dir + "/" + binDir + "/" + m.get("file")), m));
        }
        return out.stream();
    }

    static Stream<Arguments> rocketAmf0() throws IOException {
        return vectors("rocketamf", "expected-amf0.json", "spec/fixtures/objects");
    }

    static Stream<Arguments> rocketAmf3() throws IOException {
        return vectors("rocketamf", "expected-amf3.json", "spec/fixtures/objects");
    }

    static Stream<Arguments> erlAmf0() throws IOException {
        return vectors("erl-amf", "expected-amf0.json", "test/testdata");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"rocketAmf0", "erlAmf0"})
    @SuppressWarnings("unchecked")
    void amf0(String name, Path file, Map<String, Object> vector) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String fileName = file.getFileName().toString();
        Object decode = vector.get("decode");
        if (decode instanceof Map<?, ?> d && d.containsKey("error")) {
            if (ERL_SOURCE_CHOICES.contains(fileName)) {
                assertThat(Amf0Reader.readAll(ByteBuffer.wrap(bytes))).hasSize(1);
                return;
            }
            var thrown = assertThatThrownBy(() -> Amf0Reader.readValue(ByteBuffer.wrap(bytes)))
                    .isInstanceOfSatisfying(StreamwireException.class, e -> assertThat(e.module()).isEqualTo("amf"));
            if ("partial".equals(d.get("error"))) {
                // a declared length past the default limit is caught by the limit check first
                thrown.isInstanceOfAny(TruncatedInputException.class, LimitExceededException.class);
            } else {
                thrown.isInstanceOfAny(AmfException.class, TruncatedInputException.class);
            }
            return;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        Amf0Value value = Amf0Reader.readValue(in);
        assertThat(in.hasRemaining()).as("all bytes consumed").isFalse();
        if (decode instanceof Map<?, ?> d && "long-string".equals(d.get("type"))) {
            assertThat(value).isEqualTo(new Amf0String("a".repeat(65555)));
        } else if (decode instanceof Map<?, ?> d && "avmplus-object".equals(d.get("type"))) {
            assertThat(value).isEqualTo(new Amf0Avmplus(Amf3Array.of(List.of(new Amf3Integer(1), new Amf3Integer(2),
                    new Amf3Integer(3)))));
        } else if (decode != null) {
            assertThat(TypedJson.ours(value)).isEqualTo(TypedJson.expected(decode, false));
        }
        Object encode = vector.get("encode");
        if (encode != null) {
            if (encode instanceof Map<?, ?>) {
                assertThat(TypedJson.ours(value)).isEqualTo(TypedJson.expected(encode, false));
            }
            assertThat(Amf0Writer.encode(value)).as("byte-identical re-encode").isEqualTo(bytes);
        }
    }

    static final Amf3Reader.ExternalizableReader TWO_DOUBLES = (className, in) -> Amf3Object.anonymous(Map.of(
            "one", new Amf3Double(in.readDouble()), "two", new Amf3Double(in.readDouble())));

    @ParameterizedTest(name = "{0}")
    @MethodSource("rocketAmf3")
    void amf3(String name, Path file, Map<String, Object> vector) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        Amf3Reader reader = new Amf3Reader().register("flex.messaging.io.ArrayCollection", (c, i) -> i.readValue())
                .register("ExternalizableTest", TWO_DOUBLES);
        Amf3Value value = reader.readValue(in);
        assertThat(in.hasRemaining()).as("all bytes consumed").isFalse();
        if (vector.get("decode") != null) {
            assertThat(TypedJson.ours(value)).isEqualTo(TypedJson.expected(vector.get("decode"), true));
        }
        if (vector.get("encode") instanceof Map<?, ?>) {
            assertThat(TypedJson.ours(value)).isEqualTo(TypedJson.expected(vector.get("encode"), true));
            Amf3Writer writer = new Amf3Writer().register("ExternalizableTest", (x, w, out) -> {
                Amf3Object body = (Amf3Object) x.body();
                out.putDouble(((Amf3Double) body.get("one")).value()).putDouble(((Amf3Double) body.get("two")).value());
            });
            assertThat(writer.toByteArray(value)).as("byte-identical re-encode").isEqualTo(bytes);
        }
        // without a registered reader, an externalizable object is an error naming the class
        if (file.getFileName().toString().equals("amf3-externalizable.bin")) {
            assertThatThrownBy(() -> new Amf3Reader().readValue(ByteBuffer.wrap(bytes)))
                    .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> assertThat(e.module()).isEqualTo("amf"))
                    .hasMessageContaining("ExternalizableTest");
        }
    }
}

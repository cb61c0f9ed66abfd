package io.streamwire.amf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The direct tree path of {@link Amf0Reader} and {@link Amf0Command#parse}, and the maps it builds. */
class Amf0TreeReaderTest {

    private static Map<String, Amf0Value> props(int n) {
        Map<String, Amf0Value> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            m.put(i % 3 == 0 ? "k" + i : "key number " + i, Amf0Value.of((double) i));
        }
        return m;
    }

    @Test
    void propertyMapsKeepOrderLookUpEveryKeyAndCannotBeChanged() {
        for (int n : new int[] {0, 1, 8, 9, 17, 63, 64, 65, 300}) {
            Map<String, Amf0Value> expected = props(n);
            byte[] bytes = Amf0Writer.encode(new Amf0EcmaArray(expected));
            Amf0Value heap = Amf0Reader.readValue(ByteBuffer.wrap(bytes));
            Map<String, Amf0Value> read = heap.asProperties();
            assertThat(List.copyOf(read.keySet())).containsExactlyElementsOf(expected.keySet());
            assertThat(read).isEqualTo(expected).hasSameHashCodeAs(expected);
            for (Map.Entry<String, Amf0Value> e : expected.entrySet()) {
                assertThat(read.get(new String(e.getKey()))).isEqualTo(e.getValue()); // not the same instance
                assertThat(read.containsKey(e.getKey())).isTrue();
            }
            assertThat(read.get("absent")).isNull();
            assertThat(read.get(42)).isNull();
            assertThat(read.containsKey(null)).isFalse();
            assertThatThrownBy(() -> read.put("x", Amf0Null.INSTANCE)).isInstanceOf(UnsupportedOperationException.class);
            if (n > 0) {
                assertThatThrownBy(() -> read.entrySet().iterator().next().setValue(Amf0Null.INSTANCE))
                        .isInstanceOf(UnsupportedOperationException.class);
                assertThatThrownBy(() -> read.remove("k0")).isInstanceOf(UnsupportedOperationException.class);
                assertThatThrownBy(read::clear).isInstanceOf(UnsupportedOperationException.class);
            }
            // the same map as the token reader builds (a direct buffer goes through it)
            ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
            assertThat(Amf0Reader.readValue(direct)).isEqualTo(heap);
            // and wrapping it again does not copy
            assertThat(new Amf0EcmaArray(read).properties()).isSameAs(read);
        }
    }

    @Test
    void commandsUseSharedNamesAndKeepTheirPosition() {
        Map<String, Amf0Value> object = new LinkedHashMap<>();
        object.put("app", new Amf0String("live"));
        object.put("tcUrl", new Amf0String("rtmp://h/live"));
        object.put("ünïcode", new Amf0String("välue ✓"));
        byte[] body = Amf0Command.of("connect", 1, new Amf0Object(object), Amf0Value.of(true)).toByteArray();
        ByteBuffer in = ByteBuffer.allocate(body.length + 10).position(3);
        in.put(body).flip().position(3);
        ByteBuffer slice = in.slice(); // non-zero arrayOffset
        Amf0Command command = Amf0Command.parse(slice);
        assertThat(slice.hasRemaining()).isFalse();
        assertThat(command.name()).isSameAs("connect");
        assertThat(command.commandObject().asProperties()).isEqualTo(object);
        assertThat(command.commandObject().asProperties().keySet().iterator().next()).isSameAs("app");
        assertThat(command.arguments()).containsExactly(Amf0Boolean.TRUE);
    }

    @Test
    void everythingElseStillGoesThroughTheTokenReader() {
        // a reference to an earlier object, a typed object, a date: read alike from heap and direct buffers
        Amf0Object shared = new Amf0Object(Map.of("a", Amf0Value.of(1.0)));
        Amf0Value value = Amf0Value.array(List.of(shared, shared, new Amf0TypedObject("c.D", Map.of()),
                new Amf0Date(1.7e12, 0)));
        byte[] bytes = Amf0Writer.encode(value);
        Amf0StrictArray read = (Amf0StrictArray) Amf0Reader.readValue(ByteBuffer.wrap(bytes));
        assertThat(read).isEqualTo(value);
        assertThat(read.values().get(1)).isSameAs(read.values().get(0));
        // a repeated property name is still an error, with the token reader's offset
        byte[] repeated = {0x03, 0, 1, 'a', 0x05, 0, 1, 'a', 0x05, 0, 0, 0x09};
        assertThatThrownBy(() -> Amf0Reader.readValue(ByteBuffer.wrap(repeated)))
                .isInstanceOf(AmfException.class)
                .hasMessageContaining("repeats")
                .extracting(e -> ((AmfException) e).offset()).isEqualTo(5L);
    }

    @Test
    void repeatedNamesAreFoundWhateverTheirKind() {
        // known names (shared constants, compared by identity), ASCII and non-ASCII decoded names,
        // and a repeat far from its first use among many distinct names (filter collisions)
        String[] kinds = {"width", "x-custom", "h\u00f6he", "lastkeyframelocation", "a-name-longer-than-24-bytes!"};
        for (String name : kinds) {
            for (int before = 0; before < 40; before += 13) {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                out.write(0x08);
                out.writeBytes(new byte[] {0, 0, 0, 0});
                for (int i = 0; i < before; i++) {
                    property(out, "p" + i);
                }
                int repeatAt = -1;
                property(out, name);
                for (int i = 0; i < 3; i++) {
                    property(out, "q" + i);
                }
                repeatAt = out.size();
                property(out, name);
                out.writeBytes(new byte[] {0, 0, 0x09});
                byte[] bytes = out.toByteArray();
                int expected = repeatAt;
                assertThatThrownBy(() -> Amf0Reader.readValue(ByteBuffer.wrap(bytes)))
                        .as("%s after %d names", name, before)
                        .isInstanceOf(AmfException.class)
                        .hasMessageContaining("repeats")
                        .extracting(e -> ((AmfException) e).offset()).isEqualTo((long) expected);
                // and without the repeat the same names read back in order
                byte[] distinct = java.util.Arrays.copyOf(bytes, repeatAt + 3);
                distinct[repeatAt] = 0;
                distinct[repeatAt + 1] = 0;
                distinct[repeatAt + 2] = 0x09;
                Amf0EcmaArray read = (Amf0EcmaArray) Amf0Reader.readValue(ByteBuffer.wrap(distinct));
                assertThat(read.properties()).hasSize(before + 4).containsKey(name);
            }
        }
    }

    private static void property(java.io.ByteArrayOutputStream out, String name) {
        byte[] b = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.write(b.length >> 8);
        out.write(b.length);
        out.writeBytes(b);
        out.write(0x05); // null
    }
}

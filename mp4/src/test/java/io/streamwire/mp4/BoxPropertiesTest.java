package io.streamwire.mp4;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.core.Interest;
import io.streamwire.core.StreamwireException;
import io.streamwire.testkit.Chunks;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * jqwik properties over every box record: parse(write(x)) == x and write(parse(write(x))) ==
 * write(x); the push decoder's events do not depend on the chunking and agree with the one-shot
 * parse; mutated bytes raise nothing but this module's exceptions.
 */
class BoxPropertiesTest {

    @Property(tries = 3000)
    void parseOfWriteIsIdentity(@ForAll @IntRange(min = 0, max = RandomBoxes.KINDS - 1) int kind, @ForAll long seed) {
        Box box = RandomBoxes.of(kind, new Random(seed), 0);
        byte[] bytes = box.toByteArray();
        assertThat(bytes).hasSize((int) box.encodedSize());
        List<Box> parsed = Boxes.parse(ByteBuffer.wrap(bytes));
        assertThat(parsed).containsExactly(box);
        assertThat(Boxes.toByteArray(parsed)).isEqualTo(bytes);
    }

    @Property(tries = 300)
    void decoderEventsDoNotDependOnChunking(@ForAll long seed) {
        Random r = new Random(seed);
        List<Box> boxes = new ArrayList<>();
        for (int i = 1 + r.nextInt(5); i > 0; i--) {
            boxes.add(RandomBoxes.any(r, 0));
        }
        byte[] bytes = Boxes.toByteArray(boxes);
        List<String> whole = events(List.of(bytes), Chunks.Kind.HEAP);
        Chunks.Kind kind = Chunks.Kind.values()[r.nextInt(Chunks.Kind.values().length)];
        assertThat(events(Chunks.random(bytes, r), kind)).isEqualTo(whole);
        assertThat(events(Chunks.fixed(bytes, 1), Chunks.Kind.DIRECT)).isEqualTo(whole);
        // the decoder's whole boxes are the one-shot parser's leaves
        List<String> leaves = new ArrayList<>();
        leaves(boxes, leaves);
        assertThat(whole.stream().filter(e -> e.startsWith("box ")).toList()).isEqualTo(leaves);
    }

    private static void leaves(List<Box> boxes, List<String> out) {
        for (Box b : boxes) {
            if (b instanceof ContainerBox c) {
                leaves(c.children(), out);
            } else {
                ByteBuffer payload = ByteBuffer.allocate(b.payloadSize());
                b.writePayload(payload);
                out.add("box " + b.type() + " " + HexFormat.of().formatHex(payload.array()));
            }
        }
    }

    static List<String> events(List<byte[]> pieces, Chunks.Kind kind) {
        List<String> events = new ArrayList<>();
        Mp4BoxDecoder d = new Mp4BoxDecoder(new Mp4BoxDecoder.Listener() {
            @Override
            public void onContainerStart(BoxHeader h) {
                events.add("start " + h);
            }

            @Override
            public void onContainerEnd(BoxHeader h) {
                events.add("end " + h.type());
            }

            @Override
            public Interest onBoxStart(BoxHeader h) {
                return Interest.WHOLE;
            }

            @Override
            public void onBox(BoxHeader h, ByteBuffer payload) {
                byte[] b = new byte[payload.remaining()];
                payload.get(b);
                events.add("box " + h.type() + " " + HexFormat.of().formatHex(b));
            }
        });
        for (byte[] p : pieces) {
            d.feed(kind.wrap(p));
        }
        d.endOfInput();
        return events;
    }

    @Property(tries = 2000)
    void mutatedBoxesRaiseOnlyModuleExceptions(@ForAll long seed) {
        Random r = new Random(seed);
        byte[] bytes = RandomBoxes.any(r, 0).toByteArray();
        for (int k = 1 + r.nextInt(4); k > 0 && bytes.length > 0; k--) {
            bytes[r.nextInt(bytes.length)] ^= (byte) (1 << r.nextInt(8));
        }
        if (r.nextBoolean()) {
            bytes = java.util.Arrays.copyOf(bytes, r.nextInt(bytes.length + 1));
        }
        try {
            Boxes.toByteArray(Boxes.parse(ByteBuffer.wrap(bytes)));
        } catch (StreamwireException e) {
            Mp4Fixtures.requireMp4(e);
        }
        try {
            events(List.of(bytes), Chunks.Kind.HEAP);
        } catch (StreamwireException e) {
            Mp4Fixtures.requireMp4(e);
        }
    }
}

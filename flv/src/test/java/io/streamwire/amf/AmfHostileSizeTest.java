package io.streamwire.amf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.LimitExceededException;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.testkit.Allocation;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * Declared counts and lengths that the bytes do not back: the readers size what they build by the
 * values read, so nested containers that each declare the whole remaining input do not multiply it.
 */
class AmfHostileSizeTest {
    private static final int LEVELS = 60;
    private static final int FILLER = 100_000;

    /** Runs every path once, so that class loading and first-use work stay out of the measurements. */
    @org.junit.jupiter.api.BeforeAll
    static void warmUp() {
        for (Runnable r : java.util.List.<Runnable>of(
                () -> Amf0Reader.readValue(ByteBuffer.wrap(nestedStrictArrays())),
                () -> new Amf3Reader().readValue(ByteBuffer.wrap(traitsReferenceChain())),
                () -> Amf0Reader.readValue(ByteBuffer.wrap(new byte[] {Amf0Marker.STRICT_ARRAY, 0, 0x0F, 0, 0, 5})),
                () -> Amf0Reader.readValue(ByteBuffer.wrap(new byte[] {Amf0Marker.STRICT_ARRAY, 0, 0x0F, 0, 0, 5}),
                        AmfLimits.defaults().withMaxElements(1000)))) {
            try {
                r.run();
            } catch (io.streamwire.core.StreamwireException expected) {
                // each is hostile
            }
        }
    }

    private static long allocated(Runnable work) {
        long id = Thread.currentThread().getId();
        long before = Allocation.allocatedBytes(id);
        work.run();
        return Allocation.allocatedBytes(id) - before;
    }

    /**
     * {@value #LEVELS} AMF0 strict arrays, each the first element of the one before and each
     * declaring as many elements as bytes remain (the most the count check allows), then
     * {@value #FILLER} bytes of an unknown type marker.
     */
    static byte[] nestedStrictArrays() {
        int total = 5 * LEVELS + FILLER;
        ByteBuffer out = ByteBuffer.allocate(total);
        for (int level = 0; level < LEVELS; level++) {
            out.put((byte) Amf0Marker.STRICT_ARRAY).putInt(total - 5 * level - 5); // array-count: the bytes remaining
        }
        while (out.hasRemaining()) {
            out.put((byte) 0xFF);
        }
        return out.array();
    }

    @Test
    void nestedStrictArrayCountsAreNotAllocatedUpFront() {
        byte[] hostile = nestedStrictArrays();
        Throwable[] thrown = {null};
        long bytes = allocated(() -> {
            try {
                Amf0Reader.readValue(ByteBuffer.wrap(hostile));
            } catch (AmfException e) {
                thrown[0] = e;
            }
        });
        // before: 60 arrays of about 100,000 references each (24 MB) for 100 KB of input
        assertThat(bytes).as("bytes allocated reading %d bytes", hostile.length).isLessThan(2L << 20);
        assertThat(thrown[0]).isInstanceOfSatisfying(AmfException.class, e -> {
            assertThat(e.field()).isEqualTo("amf0 type-marker");
            assertThat(e.offset()).isEqualTo(5L * LEVELS);
        });
    }

    @Test
    void aStrictArrayCountPastTheBytesOrTheLimitFailsBeforeAllocating() {
        byte[] lying = {Amf0Marker.STRICT_ARRAY, 0x00, 0x0F, 0x00, 0x00, Amf0Marker.NULL}; // 983,040 elements, 1 byte
        long[] bytes = {0};
        long id = Thread.currentThread().getId();
        long before = Allocation.allocatedBytes(id);
        assertThatThrownBy(() -> Amf0Reader.readValue(ByteBuffer.wrap(lying))).isInstanceOfSatisfying(
                TruncatedInputException.class, e -> {
                    bytes[0] = Allocation.allocatedBytes(id) - before;
                    assertThat(e.module()).isEqualTo("amf");
                    assertThat(e.field()).startsWith("amf0 array-count");
                    assertThat(e.offset()).isEqualTo(1);
                });
        assertThat(bytes[0]).isLessThan(256 * 1024);
        AmfLimits small = AmfLimits.defaults().withMaxElements(1000);
        assertThatThrownBy(() -> Amf0Reader.readValue(ByteBuffer.wrap(lying), small)).isInstanceOfSatisfying(
                LimitExceededException.class, e -> {
                    assertThat(e.limitName()).isEqualTo("AmfLimits.maxElements()");
                    assertThat(e.actual()).isEqualTo(983_040L);
                    assertThat(e.offset()).isEqualTo(1);
                });
    }

    @Test
    void aLargeStrictArrayThatIsThereStillReads() {
        int n = 5000; // past the initial capacity: the array grows as its values are read
        ByteBuffer in = ByteBuffer.allocate(5 + 9 * n);
        in.put((byte) Amf0Marker.STRICT_ARRAY).putInt(n);
        for (int i = 0; i < n; i++) {
            in.put((byte) Amf0Marker.NUMBER).putDouble(i);
        }
        Amf0Value v = Amf0Reader.readValue(in.flip());
        assertThat(v).isInstanceOfSatisfying(Amf0StrictArray.class, a -> {
            assertThat(a.values()).hasSize(n);
            assertThat(a.values().get(n - 1)).isEqualTo(new Amf0Number(n - 1));
        });
    }

    static void u29(ByteArrayOutputStream out, int v) {
        if (v < 0x80) {
            out.write(v);
        } else if (v < 0x4000) {
            out.write(0x80 | v >>> 7);
            out.write(v & 0x7F);
        } else if (v < 0x20_0000) {
            out.write(0x80 | v >>> 14);
            out.write(0x80 | v >>> 7 & 0x7F);
            out.write(v & 0x7F);
        } else {
            out.write(0x80 | v >>> 22);
            out.write(0x80 | v >>> 15 & 0x7F);
            out.write(0x80 | v >>> 8 & 0x7F);
            out.write(v & 0xFF);
        }
    }

    /**
     * An AMF3 object whose inline traits declare {@value #FILLER} sealed members (names: "a", then
     * string references), whose first member is an object by traits reference, whose first member
     * is another..., {@value #LEVELS} deep, then nothing.
     */
    static byte[] traitsReferenceChain() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x0A);                       // object-marker
        u29(out, FILLER << 4 | 0b0011);        // U29O-traits: inline object, inline traits, sealed count
        out.write(0x01);                       // class-name "" (anonymous)
        out.write(0x03);                       // first sealed member name: "a"
        out.write('a');
        for (int i = 1; i < FILLER; i++) {
            out.write(0x00);                   // the others: string reference 0
        }
        for (int level = 0; level < LEVELS; level++) {
            out.write(0x0A);                   // object-marker
            out.write(0x01);                   // U29O-traits-ref: traits 0, FILLER sealed members
        }
        return out.toByteArray();
    }

    @Test
    void aTraitsReferenceDoesNotAllocateItsSealedCountUpFront() {
        byte[] hostile = traitsReferenceChain();
        Throwable[] thrown = {null};
        long bytes = allocated(() -> {
            try {
                new Amf3Reader().readValue(ByteBuffer.wrap(hostile));
            } catch (TruncatedInputException e) {
                thrown[0] = e;
            }
        });
        // before: 61 lists of 100,000 slots (24 MB) for 100 KB of input
        assertThat(bytes).as("bytes allocated reading %d bytes", hostile.length).isLessThan(4L << 20);
        assertThat(thrown[0]).isInstanceOfSatisfying(TruncatedInputException.class, e -> {
            assertThat(e.module()).isEqualTo("amf");
            assertThat(e.field()).isEqualTo("amf3 type-marker");
            assertThat(e.offset()).isEqualTo(hostile.length);
        });
    }
}

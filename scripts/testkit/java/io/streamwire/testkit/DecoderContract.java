package io.streamwire.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.streamwire.core.StreamDecoder;
import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The contract test every stream decoder runs (see {@link StreamDecoder}'s Javadoc): the events do
 * not depend on how the input is split or carried, the lifecycle rules hold, a failure leaves the
 * decoder failed, and nothing but a {@link StreamwireException} of the decoder's module escapes for
 * any input.
 *
 * <p>A module's test gives a {@link Subject} factory, a valid input and an input the decoder must
 * refuse, and calls {@link #verify}. The events a subject records must be values (copies, records,
 * strings), never views of the fed buffers.
 *
 * <p>Not thread-safe; one per test.
 */
public final class DecoderContract {
    /** A decoder and the events its listener recorded, in order. */
    public interface Subject {
        StreamDecoder decoder();

        /** Everything the listener received so far, as comparable values (anomalies included). */
        List<Object> events();
    }

    private final String module;
    private final Supplier<Subject> factory;
    private final byte[] valid;
    private final byte[] invalid;
    private int mutations = 300;
    private long seed = 1;

    /**
     * @param module the module name its exceptions carry ({@link StreamwireException#module()})
     * @param factory makes a new decoder with a listener that records its events
     * @param valid input the decoder takes whole, ending at a unit boundary
     * @param invalid input the decoder must refuse with a {@link StreamwireException} (during feed or endOfInput)
     */
    public DecoderContract(String module, Supplier<Subject> factory, byte[] valid, byte[] invalid) {
        this.module = module;
        this.factory = factory;
        this.valid = valid.clone();
        this.invalid = invalid.clone();
    }

    /** How many mutated inputs {@link #verify} feeds (default 300). */
    public DecoderContract mutations(int count) {
        this.mutations = count;
        return this;
    }

    /** Runs every rule; fails the calling test at the first broken one. */
    public void verify() {
        List<Object> expected = splitsGiveTheSameEvents();
        lifecycle(expected);
        failureIsFinal();
        onlyModuleExceptions();
    }

    /** Every split (whole, 1 byte, at every point, random) in every buffer kind gives the same events. */
    public List<Object> splitsGiveTheSameEvents() {
        Subject whole = factory.get();
        feedAll(whole.decoder(), List.of(valid), Chunks.Kind.HEAP);
        whole.decoder().endOfInput();
        List<Object> expected = List.copyOf(whole.events());
        assertFalse(expected.isEmpty(), "the valid input produced no events");
        assertEquals(valid.length, whole.decoder().position(), "position() after feeding the valid input");
        List<Chunks.Split> splits = splits();
        for (Chunks.Kind kind : Chunks.Kind.values()) {
            for (Chunks.Split split : splits) {
                Subject s = factory.get();
                feedAll(s.decoder(), split.pieces(), kind);
                s.decoder().endOfInput();
                assertEquals(expected, s.events(), () -> "events for split " + split + " in " + kind);
                assertEquals(valid.length, s.decoder().position(), () -> "position() for split " + split);
            }
        }
        // read-only buffers: the decoder may neither write to them nor need their backing array
        for (Chunks.Split split : List.of(splits.get(0), splits.get(splits.size() - 1))) {
            Subject s = factory.get();
            for (byte[] piece : split.pieces()) {
                ByteBuffer b = ByteBuffer.wrap(piece.clone()).asReadOnlyBuffer();
                s.decoder().feed(b);
                assertFalse(b.hasRemaining(), "feed() must consume a read-only buffer");
            }
            s.decoder().endOfInput();
            assertEquals(expected, s.events(), () -> "events for split " + split + " in read-only buffers");
        }
        return expected;
    }

    /**
     * Whole, one byte at a time, two pieces at every point (at most 200 points, evenly spread, for
     * long inputs) and 20 random splits: at most about 200 copies of the input, not one per byte.
     */
    private List<Chunks.Split> splits() {
        List<Chunks.Split> splits = new ArrayList<>();
        splits.add(new Chunks.Split("whole", List.of(valid)));
        splits.add(new Chunks.Split("1-byte", Chunks.fixed(valid, 1)));
        int step = Math.max(1, (valid.length - 1) / 200);
        for (int at = 1; at < valid.length; at += step) {
            splits.add(new Chunks.Split("at-" + at, List.of(java.util.Arrays.copyOfRange(valid, 0, at),
                    java.util.Arrays.copyOfRange(valid, at, valid.length))));
        }
        Random random = new Random(seed);
        for (int i = 0; i < 20; i++) {
            splits.add(new Chunks.Split("random-" + seed + "-" + i, Chunks.random(valid, random)));
        }
        return splits;
    }

    /**
     * feed after endOfInput throws IllegalStateException; a second endOfInput does nothing; reset
     * starts over at position 0 and gives the same events again.
     */
    public void lifecycle(List<Object> expected) {
        Subject s = factory.get();
        assertEquals(0, s.decoder().position(), "position() of a new decoder");
        feedAll(s.decoder(), List.of(valid), Chunks.Kind.HEAP);
        s.decoder().endOfInput();
        int count = s.events().size();
        s.decoder().endOfInput();
        assertEquals(count, s.events().size(), "a second endOfInput() must do nothing");
        assertThrows(IllegalStateException.class, () -> s.decoder().feed(ByteBuffer.wrap(valid)),
                "feed() after endOfInput()");
        assertThrows(IllegalStateException.class, () -> s.decoder().feed(ByteBuffer.allocate(0)),
                "feed() of nothing after endOfInput()");
        s.decoder().reset();
        assertEquals(0, s.decoder().position(), "position() after reset()");
        s.events().clear();
        feedAll(s.decoder(), List.of(valid), Chunks.Kind.DIRECT);
        s.decoder().endOfInput();
        assertEquals(expected, s.events(), "events after reset()");

        // reset in the middle of a unit drops what was held
        Subject t = factory.get();
        if (valid.length > 1) {
            feedAll(t.decoder(), List.of(java.util.Arrays.copyOf(valid, valid.length / 2)), Chunks.Kind.HEAP);
        }
        t.decoder().reset();
        t.events().clear();
        feedAll(t.decoder(), List.of(valid), Chunks.Kind.HEAP);
        t.decoder().endOfInput();
        assertEquals(expected, t.events(), "events after reset() in the middle of the input");
    }

    /** After a failure every call but reset throws IllegalStateException naming the first error. */
    public void failureIsFinal() {
        Subject s = factory.get();
        StreamwireException first = refuse(s.decoder(), invalid);
        assertNotNull(first, "the invalid input was accepted");
        assertEquals(module, first.module(), "module() of " + first);
        assertTrue(first.offset() >= -1, "offset() of " + first);
        IllegalStateException afterFeed = assertThrows(IllegalStateException.class,
                () -> s.decoder().feed(ByteBuffer.wrap(valid)), "feed() after a failure");
        assertSame(first, afterFeed.getCause(), "cause of the IllegalStateException after a failure");
        assertTrue(afterFeed.getMessage().contains(first.getMessage()),
                "the IllegalStateException names the first error: " + afterFeed.getMessage());
        IllegalStateException afterEnd = assertThrows(IllegalStateException.class,
                () -> s.decoder().endOfInput(), "endOfInput() after a failure");
        assertSame(first, afterEnd.getCause());
        s.decoder().reset();
        s.events().clear();
        feedAll(s.decoder(), List.of(valid), Chunks.Kind.HEAP);
        s.decoder().endOfInput();
        assertFalse(s.events().isEmpty(), "no events after reset() of a failed decoder");
    }

    /** Feeds {@code input} and endOfInput; returns the StreamwireException raised, or null. */
    private StreamwireException refuse(StreamDecoder d, byte[] input) {
        try {
            d.feed(ByteBuffer.wrap(input));
            d.endOfInput();
            return null;
        } catch (StreamwireException e) {
            return e;
        }
    }

    /** Truncated, bit-flipped and byte-replaced inputs raise nothing but the module's StreamwireException. */
    public void onlyModuleExceptions() {
        Random random = new Random(seed);
        for (int i = 0; i < mutations; i++) {
            byte[] m = mutate(random);
            Subject s = factory.get();
            List<byte[]> pieces = Chunks.random(m, random);
            try {
                feedAll(s.decoder(), pieces, Chunks.Kind.HEAP);
                s.decoder().endOfInput();
            } catch (StreamwireException e) {
                assertEquals(module, e.module(), () -> "module() of " + e);
                StreamwireException first = e;
                IllegalStateException later = assertThrows(IllegalStateException.class,
                        () -> s.decoder().endOfInput(), "endOfInput() after " + first);
                assertSame(first, later.getCause());
            } catch (RuntimeException | Error e) {
                fail("mutation " + i + " (" + hex(m, 64) + ") raised " + e, e);
            }
        }
    }

    private byte[] mutate(Random random) {
        byte[] m = valid.clone();
        switch (random.nextInt(4)) {
            case 0 -> m = java.util.Arrays.copyOf(m, random.nextInt(m.length + 1));
            case 1 -> {
                for (int k = 0, n = 1 + random.nextInt(8); k < n && m.length > 0; k++) {
                    int at = random.nextInt(m.length);
                    m[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 2 -> {
                for (int k = 0, n = 1 + random.nextInt(4); k < n && m.length > 0; k++) {
                    m[random.nextInt(m.length)] = (byte) (random.nextBoolean() ? 0xFF : random.nextInt(256));
                }
            }
            default -> {
                byte[] extra = new byte[1 + random.nextInt(64)];
                random.nextBytes(extra);
                byte[] joined = java.util.Arrays.copyOf(m, m.length + extra.length);
                System.arraycopy(extra, 0, joined, m.length, extra.length);
                m = joined;
            }
        }
        return m;
    }

    private static void feedAll(StreamDecoder d, List<byte[]> pieces, Chunks.Kind kind) {
        for (byte[] piece : pieces) {
            ByteBuffer b = kind.wrap(piece);
            int limit = b.limit();
            d.feed(b);
            assertEquals(limit, b.position(), "feed() must consume its whole argument");
            assertEquals(limit, b.limit(), "feed() must not change the limit");
        }
    }

    private static String hex(byte[] b, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(b.length, max); i++) {
            sb.append(String.format("%02x", b[i]));
        }
        return b.length > max ? sb + "…(" + b.length + " B)" : sb.toString();
    }
}

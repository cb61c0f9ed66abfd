package io.streamwire.aac;

import io.streamwire.core.StreamDecoder;
import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;
import java.util.List;

/** What every decoder fuzz target of this module checks besides its own properties. */
final class FuzzChecks {
    private FuzzChecks() {}

    /** Fails unless {@code e} was raised by this module. */
    static void requireAac(StreamwireException e) {
        if (!"aac".equals(e.module())) {
            throw new AssertionError("an exception of module " + e.module() + " escaped", e);
        }
    }

    /**
     * Feeds {@code pieces} and ends the input, recording an error as an event; then checks the
     * lifecycle: only this module's exceptions escape, position() counts every byte fed, a second
     * endOfInput does nothing, feed after the end throws, and after a failure every call but reset
     * throws an IllegalStateException caused by the first error.
     */
    static void feedAndCheckLifecycle(StreamDecoder decoder, List<ByteBuffer> pieces, List<String> events) {
        long fed = 0;
        StreamwireException failure = null;
        try {
            for (ByteBuffer piece : pieces) {
                fed += piece.remaining();
                decoder.feed(piece);
                if (piece.hasRemaining()) {
                    throw new AssertionError("feed left " + piece.remaining() + " bytes");
                }
            }
            decoder.endOfInput();
        } catch (StreamwireException e) {
            requireAac(e);
            failure = e;
            events.add("error " + e.getClass().getSimpleName() + " " + e.field() + " " + e.offset());
        }
        if (failure == null) {
            if (decoder.position() != fed) {
                throw new AssertionError("position() " + decoder.position() + " after " + fed + " bytes");
            }
            int count = events.size();
            decoder.endOfInput();
            if (events.size() != count) {
                throw new AssertionError("a second endOfInput() produced events");
            }
        }
        try {
            decoder.feed(ByteBuffer.allocate(1));
            throw new AssertionError("feed() after " + (failure == null ? "endOfInput()" : failure) + " did not throw");
        } catch (IllegalStateException expected) {
            if (failure != null && expected.getCause() != failure) {
                throw new AssertionError("the IllegalStateException does not carry the first error", expected);
            }
        }
        if (failure != null) {
            try {
                decoder.endOfInput();
                throw new AssertionError("endOfInput() after " + failure + " did not throw");
            } catch (IllegalStateException expected) {
                // the decoder stays failed
            }
        }
        decoder.reset();
        if (decoder.position() != 0) {
            throw new AssertionError("position() after reset() is " + decoder.position());
        }
    }
}

package io.streamwire.core.internal;

/**
 * The lifecycle of {@link io.streamwire.core.StreamDecoder} in one place: open, ended or failed,
 * and the {@link IllegalStateException} that names the first error. A decoder holds one and calls
 * it at the top of {@code feed} and {@code endOfInput}:
 * <pre>{@code
 * public void feed(ByteBuffer in) {
 *     state.checkFeed();
 *     try {
 *         decode(in);
 *     } catch (Throwable t) {
 *         state.fail(t);
 *         throw t;
 *     }
 * }
 *
 * public void endOfInput() {
 *     if (!state.beginEnd()) {
 *         return; // already ended
 *     }
 *     try {
 *         flush();
 *     } catch (Throwable t) {
 *         state.fail(t);
 *         throw t;
 *     }
 * }
 * }</pre>
 *
 * <p>Exported to Streamwire modules only; not public API. Not thread-safe, like its decoder.
 */
public final class DecoderState {
    private static final int OPEN = 0;
    private static final int ENDED = 1;
    private static final int FAILED = 2;

    private final String decoder;
    private int state = OPEN;
    private Throwable failure;

    /** @param decoder the decoder's simple class name, used in messages */
    public DecoderState(String decoder) {
        this.decoder = decoder;
    }

    /** Throws unless open: {@code feed} after {@code endOfInput} or after a failure. */
    public void checkFeed() {
        if (state != OPEN) {
            throw notOpen("feed");
        }
    }

    /**
     * Marks the decoder ended and returns true when it was open; returns false when it was already
     * ended (a second {@code endOfInput} does nothing); throws when it failed.
     */
    public boolean beginEnd() {
        if (state == OPEN) {
            state = ENDED;
            return true;
        }
        if (state == ENDED) {
            return false;
        }
        throw notOpen("endOfInput");
    }

    /** Throws when failed (for other calls that a decoder refuses after a failure). */
    public void checkNotFailed(String call) {
        if (state == FAILED) {
            throw notOpen(call);
        }
    }

    /** Marks the decoder failed by {@code t}, unless it failed already (the first error is kept). */
    public void fail(Throwable t) {
        if (state != FAILED) {
            state = FAILED;
            failure = t;
        }
    }

    /** Back to open. */
    public void reset() {
        state = OPEN;
        failure = null;
    }





    private IllegalStateException notOpen(String call) {
        if (state == FAILED) {
            return new IllegalStateException(decoder + "." + call + "() after a failure (" + failure
                    + "); call reset() to start over", failure);
        }
        return new IllegalStateException(decoder + "." + call + "() after endOfInput(); call reset() to start over");
    }
}

package io.streamwire.hls;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Push parser for a playlist arriving in pieces (an HTTP body read chunk by chunk): each
 * {@link #feed} consumes every byte given, parses the complete lines and keeps only the unfinished
 * last line (at most {@link PlaylistLimits#maxLineLength()} bytes); {@link #endOfInput()} parses the
 * last line and returns the playlist. The result is the same however the input is split.
 *
 * <pre>{@code
 * PlaylistDecoder d = PlaylistParser.lenient().newDecoder();
 * while (channel.read(buf) > 0) { d.feed(buf.flip()); buf.clear(); }
 * ParseResult r = d.endOfInput();
 * }</pre>
 *
 * <p>After an exception the decoder is failed and later calls throw {@link IllegalStateException};
 * {@link #reset()} starts over.
 *
 * <p>Not thread-safe: keep it on one connection or event loop.
 *
 * @since 0.1.0
 */
public final class PlaylistDecoder {
    private enum State { READ_LINE, DONE, FAILED }

    private final PlaylistParser config;
    private final int maxLine;
    private LineParser lines;
    private State state;
    private byte[] carry = new byte[256];
    private int carryLength;
    private int carryHigh;
    private long consumed;
    private long lineStart;
    private int lineNo;

    PlaylistDecoder(PlaylistParser config) {
        this.config = config;
        this.maxLine = config.limits().maxLineLength();
        reset();
    }

    /** Starts a new playlist. */
    public void reset() {
        lines = new LineParser(config, 0);
        state = State.READ_LINE;
        carryLength = 0;
        carryHigh = 0;
        consumed = 0;
        lineStart = 0;
        lineNo = 1;
    }

    /**
     * Consumes all remaining bytes of {@code in} (its position moves to its limit).
     *
     * @throws PlaylistException in strict mode at the first rule violation found in a complete line
     * @throws LimitExceededException past a limit
     * @throws IllegalStateException after {@link #endOfInput()} or a failure
     */
    public void feed(ByteBuffer in) {
        if (state != State.READ_LINE) {
            throw new IllegalStateException("decoder is " + state);
        }
        try {
            long total = consumed + in.remaining();
            if (total > config.limits().maxPlaylistBytes()) {
                throw new LimitExceededException("maxPlaylistBytes", config.limits().maxPlaylistBytes(), total,
                        config.limits().maxPlaylistBytes(), lineNo, 0);
            }
            while (in.hasRemaining()) {
                int pos = in.position();
                int lim = in.limit();
                int i = pos;
                int high = 0;
                while (i < lim && in.get(i) != '\n') {
                    high |= in.get(i);
                    i++;
                }
                append(in, pos, i - pos, high);
                consumed += i - pos;
                if (i == lim) {
                    in.position(lim);
                    break;
                }
                in.position(i + 1);
                consumed++;
                emitLine();
                lineStart = consumed;
            }
        } catch (RuntimeException e) {
            state = State.FAILED;
            throw e;
        }
    }

    private void append(ByteBuffer in, int from, int length, int high) {
        int needed = carryLength + length;
        if (needed > maxLine + 1) {
            throw new LimitExceededException("maxLineLength", maxLine, needed, lineStart, lineNo, 1);
        }
        if (needed > carry.length) {
            carry = Arrays.copyOf(carry, Math.min(maxLine + 1, Math.max(needed, carry.length * 2)));
        }
        in.get(from, carry, carryLength, length);
        carryLength = needed;
        carryHigh |= high;
    }

    private void emitLine() {
        int start = 0;
        int stop = carryLength;
        if (lineNo == 1 && stop >= 3 && carry[0] == (byte) 0xEF && carry[1] == (byte) 0xBB && carry[2] == (byte) 0xBF) {
            start = 3;
        }
        if (stop > start && carry[stop - 1] == '\r') {
            stop--;
        }
        if (stop - start > maxLine) {
            throw new LimitExceededException("maxLineLength", maxLine, stop - start, lineStart, lineNo, 1);
        }
        lines.line(config.decode(carry, start, stop - start, carryHigh < 0, lineNo, lineStart), lineNo, lineStart);
        lineNo++;
        carryLength = 0;
        carryHigh = 0;
    }

    /**
     * Parses the last line, applies the playlist-wide rules and returns the playlist.
     *
     * @throws PlaylistException in strict mode for the first violation
     * @throws IllegalStateException when called twice or after a failure
     */
    public ParseResult endOfInput() {
        if (state != State.READ_LINE) {
            throw new IllegalStateException("decoder is " + state);
        }
        try {
            if (carryLength > 0) {
                emitLine();
            }
            ParseResult r = lines.finish();
            state = State.DONE;
            return r;
        } catch (RuntimeException e) {
            state = State.FAILED;
            throw e;
        }
    }

    /** Bytes consumed so far. */
    public long consumed() {
        return consumed;
    }
}

package io.streamwire.hls;

import io.streamwire.core.Anomaly;
import io.streamwire.core.DecoderListener;
import io.streamwire.core.LimitExceededException;
import io.streamwire.core.StreamDecoder;
import io.streamwire.core.internal.DecoderState;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Push decoder for a playlist (RFC 8216bis §4) arriving in pieces, such as an HTTP body read chunk
 * by chunk: the {@link StreamDecoder} lifecycle over {@link PlaylistParser}'s rules.
 *
 * <p>Each {@link #feed} consumes every byte given, parses the complete lines and keeps only the
 * unfinished last line (at most {@link PlaylistLimits#maxLineLength()} bytes).
 * {@link #endOfInput()} parses the last line (it needs no terminator), applies the playlist-wide
 * rules and hands the playlist to {@link Listener#onPlaylist}. The playlist and the anomalies are
 * the same however the input is split, and the same as {@link PlaylistParser#parse(byte[])} gives.
 * A playlist has no units a listener could refuse, so there is no {@link io.streamwire.core.Interest}
 * choice.
 *
 * <p>Modes: built with a constructor, the decoder is lenient: every rule violation goes to
 * {@link Listener#onAnomaly} as an {@link Anomaly} of {@link HlsAnomalyKind} when its line is
 * parsed (the playlist-wide rules at {@code endOfInput}), with the line, column, tag and spec
 * section in its detail, and decoding goes on; only a passed {@link PlaylistLimits limit} fails it.
 * {@link PlaylistParser#newDecoder(Listener)} gives a decoder with that parser's mode and variables:
 * a strict one fails with a {@link PlaylistException} at the first violation.
 *
 * <p>Errors: a {@link LimitExceededException} (module {@code "hls"}; {@code maxPlaylistBytes} is
 * checked before a feed consumes anything) or, in strict mode, a {@link PlaylistException} fails the
 * decoder; so does an exception thrown by the listener. After a failure every call but
 * {@link #reset()} and {@link #position()} throws {@link IllegalStateException} naming the first
 * error, and {@link #feed} after {@link #endOfInput()} throws it too (see {@link StreamDecoder}).
 * No error is about truncation: a playlist may end anywhere.
 *
 * <pre>{@code
 * PlaylistDecoder decoder = new PlaylistDecoder(new PlaylistDecoder.Listener() {
 *     public void onPlaylist(Playlist playlist) { ... }
 *     public void onAnomaly(Anomaly<HlsAnomalyKind> anomaly) { ... }
 * });
 * while (channel.read(buffer) > 0) { decoder.feed(buffer.flip()); buffer.clear(); }
 * decoder.endOfInput();
 * }</pre>
 *
 * <p>Not thread-safe: keep it on one connection or event loop.
 *
 * @since 0.1.0
 */
public final class PlaylistDecoder implements StreamDecoder {

    /**
     * What a {@link PlaylistDecoder} reports: the playlist at the end, and anomalies (rule
     * violations in lenient mode) as they are found. Every method does nothing by default.
     *
     * @since 0.1.0
     */
    public interface Listener extends DecoderListener<HlsAnomalyKind> {
        /**
         * The parsed playlist, once, at {@link PlaylistDecoder#endOfInput()} (after the anomalies of
         * the playlist-wide rules). Does nothing by default.
         */
        default void onPlaylist(Playlist playlist) {}
    }

    private final Listener listener;
    private final PlaylistParser config;
    private final int maxLine;
    private final long maxBytes;
    private final Consumer<Diagnostic> sink;
    private final DecoderState state = new DecoderState("PlaylistDecoder");
    private LineParser lines;
    private byte[] carry = new byte[256];
    private int carryLength;
    private int carryHigh;
    private long position;
    private long lineStart;
    private int lineNo;

    /**
     * A lenient decoder with the default limits.
     *
     * @throws NullPointerException when {@code listener} is null
     */
    public PlaylistDecoder(Listener listener) {
        this(listener, PlaylistLimits.defaults());
    }

    /**
     * A lenient decoder with {@code limits}.
     *
     * @throws NullPointerException when an argument is null
     */
    public PlaylistDecoder(Listener listener, PlaylistLimits limits) {
        this(listener, PlaylistParser.lenient().withLimits(limits));
    }

    PlaylistDecoder(Listener listener, PlaylistParser config) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.config = config;
        this.maxLine = config.limits().maxLineLength();
        this.maxBytes = config.limits().maxPlaylistBytes();
        this.sink = config.isStrict() ? null : d -> listener.onAnomaly(d.toAnomaly());
        reset();
    }

    /** Starts a new playlist: drops the held line and everything parsed; position 0. */
    @Override
    public void reset() {
        state.reset();
        lines = new LineParser(config, 0, sink);
        carryLength = 0;
        carryHigh = 0;
        position = 0;
        lineStart = 0;
        lineNo = 1;
    }

    /**
     * Parses the complete lines in {@code input} and keeps the unfinished last one; the position of
     * {@code input} moves to its limit.
     *
     * @throws LimitExceededException past {@link PlaylistLimits#maxPlaylistBytes()} (before anything
     *     of {@code input} is consumed) or {@link PlaylistLimits#maxLineLength()} (the decoder is failed)
     * @throws PlaylistException in strict mode, at the first rule violation in a complete line
     * @throws IllegalStateException after {@link #endOfInput()} or a failure
     */
    @Override
    public void feed(ByteBuffer input) {
        state.checkFeed();
        try {
            decode(input);
        } catch (Throwable t) {
            state.fail(t);
            throw t;
        }
    }

    private void decode(ByteBuffer in) {
        long total = position + in.remaining();
        if (total > maxBytes) {
            throw PlaylistLimits.exceeded("playlist length", "maxPlaylistBytes", maxBytes, total, maxBytes);
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
            position += i - pos;
            if (i == lim) {
                in.position(lim);
                break;
            }
            in.position(i + 1);
            position++;
            emitLine();
            lineStart = position;
        }
    }

    private void append(ByteBuffer in, int from, int length, int high) {
        int needed = carryLength + length;
        // room for the CR of a CRLF, and for a byte order mark on line 1; emitLine checks the exact length
        int room = maxLine + 1 + (lineNo == 1 ? 3 : 0);
        if (needed > room) {
            throw tooLong(needed);
        }
        if (needed > carry.length) {
            carry = Arrays.copyOf(carry, Math.min(room, Math.max(needed, carry.length * 2)));
        }
        in.get(from, carry, carryLength, length);
        carryLength = needed;
        carryHigh |= high;
    }

    private LimitExceededException tooLong(long length) {
        return PlaylistLimits.exceeded("line " + lineNo + " length", "maxLineLength", maxLine, length, lineStart);
    }

    private void emitLine() {
        int start = 0;
        int stop = carryLength;
        if (lineNo == 1 && stop >= 3 && carry[0] == (byte) 0xEF && carry[1] == (byte) 0xBB && carry[2] == (byte) 0xBF) {
            start = 3; // a byte order mark: the line starts after it, as in PlaylistParser.parse(byte[])
        }
        if (stop > start && carry[stop - 1] == '\r') {
            stop--;
        }
        if (stop - start > maxLine) {
            throw tooLong(stop - start);
        }
        long offset = lineStart + start;
        lines.line(lines.decode(carry, start, stop - start, carryHigh < 0, lineNo, offset), lineNo, offset);
        lineNo++;
        carryLength = 0;
        carryHigh = 0;
    }

    /**
     * Parses the last line, applies the playlist-wide rules (their anomalies first) and hands the
     * playlist to {@link Listener#onPlaylist}. A second call does nothing.
     *
     * @throws PlaylistException in strict mode, for the first violation
     * @throws LimitExceededException when the last line passes a limit
     * @throws IllegalStateException after a failure
     */
    @Override
    public void endOfInput() {
        if (!state.beginEnd()) {
            return;
        }
        try {
            if (carryLength > 0) {
                emitLine();
            }
            Playlist playlist = lines.finish().playlist();
            listener.onPlaylist(playlist);
        } catch (Throwable t) {
            state.fail(t);
            throw t;
        }
    }

    /** Bytes fed since construction or the last {@link #reset()}. */
    @Override
    public long position() {
        return position;
    }
}

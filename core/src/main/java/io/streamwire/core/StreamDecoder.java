package io.streamwire.core;

import java.nio.ByteBuffer;

/**
 * The push-decoder contract every Streamwire stream decoder implements: bytes go in through
 * {@link #feed}, in chunks of any size, and events come out through the {@code Listener} given to
 * the constructor. Decoders are sans-IO: they read no sockets or files, start no threads, read no
 * clocks and log nothing.
 *
 * <h2>Construction</h2>
 * Every decoder is built as {@code new XxxDecoder(listener, limits)} (or {@code (listener)} for the
 * default limits); the listener is a nested {@code XxxDecoder.Listener} extending
 * {@link DecoderListener}.
 *
 * <h2>Lifecycle</h2>
 * A decoder is <em>open</em>, <em>ended</em> or <em>failed</em>:
 * <table>
 *   <caption>What each call does in each state</caption>
 *   <tr><th>call</th><th>open</th><th>ended</th><th>failed</th></tr>
 *   <tr><td>{@link #feed}</td><td>decodes</td><td>throws {@link IllegalStateException}</td>
 *       <td>throws {@link IllegalStateException}</td></tr>
 *   <tr><td>{@link #endOfInput}</td><td>flushes; becomes ended</td><td>does nothing</td>
 *       <td>throws {@link IllegalStateException}</td></tr>
 *   <tr><td>{@link #reset}</td><td colspan="3">back to open, as if new (same listener and limits),
 *       position 0</td></tr>
 *   <tr><td>{@link #position}</td><td colspan="3">answers</td></tr>
 * </table>
 * A decoder becomes failed when {@code feed} or {@code endOfInput} throws anything: a
 * {@link StreamwireException} for bad input (the module's root or a shared subtype), or an
 * exception thrown by the listener, which propagates unchanged. The {@link IllegalStateException}
 * that later calls throw names that first error in its message and carries it as its cause.
 * Problems the decoder can step over are not errors: they go to
 * {@link DecoderListener#onAnomaly}.
 *
 * <h2>Input</h2>
 * {@code feed} consumes every remaining byte of its argument (its position ends at its limit),
 * never keeps the buffer after it returns and never writes to it. Bytes that a unit still needs
 * wait in a bounded internal buffer. The events are the same however the input is split into
 * chunks and whatever kind of buffer carries it (heap, direct, read-only, any byte order).
 *
 * <p>Not thread-safe: keep a decoder on one connection or event loop.
 *
 * @since 0.1.0
 */
public interface StreamDecoder {
    /**
     * Decodes what it can of {@code input} and keeps the rest for the next call.
     *
     * @param input the next bytes of the stream, from position to limit; its position moves to its limit
     * @throws StreamwireException for bad input (the decoder is failed afterwards)
     * @throws IllegalStateException when ended or failed
     */
    void feed(ByteBuffer input);

    /**
     * Declares the stream complete: delivers what is still held, or fails with a
     * {@link TruncatedInputException} when a unit is cut short. A second call does nothing.
     *
     * @throws StreamwireException when the stream ends inside a unit the format does not allow to be cut
     * @throws IllegalStateException when failed
     */
    void endOfInput();

    /** Starts over as if new: drops held bytes and state, keeps the listener and limits. */
    void reset();

    /**
     * Bytes fed since construction or the last {@link #reset()}: the stream offset of the next byte
     * {@link #feed} will read. Offsets in events, anomalies and exceptions are counted the same way.
     */
    long position();
}

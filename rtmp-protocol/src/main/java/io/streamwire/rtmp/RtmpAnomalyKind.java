package io.streamwire.rtmp;

/**
 * What a recoverable problem in an RTMP stream was: the kind of the
 * {@link io.streamwire.core.Anomaly anomalies} the {@link ChunkDecoder} (and through it
 * {@link ServerSession} and {@link ClientSession}) reports to its listener's
 * {@code onAnomaly}. The anomaly's offset is the stream offset of the first byte concerned; its
 * detail gives the numbers, as described for each kind.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public enum RtmpAnomalyKind {
    /**
     * A chunk with a message header of type 0, 1 or 2 started a new message on a chunk stream whose
     * message had not ended (Adobe RTMP Specification 1.0 §5.3.1.2: the chunks of a message follow
     * each other on their chunk stream); the partial message is dropped, without an Abort Message.
     * Offset: that chunk's first byte; detail
     * {@code "chunk stream <id>: <received> of <length> bytes dropped"}.
     */
    MESSAGE_DROPPED,
    /**
     * A Set Chunk Size message with bit 31 set, which must be zero (§5.4.1); the bit is ignored and
     * the other 31 bits are the chunk size. Offset: the message payload; detail
     * {@code "chunk size 0x<8 hex digits>"}.
     */
    CHUNK_SIZE_HIGH_BIT,
    /**
     * An Abort Message (§5.4.2) naming a chunk stream with no partially received message: one never
     * used, one whose last message is complete, the Abort Message's own chunk stream, or a value
     * outside 2..65599. §5.4.2 only asks the receiver to discard a partial message, so nothing
     * changes and the connection goes on; the Abort Message still reaches the listener. Offset: the
     * message payload; detail {@code "chunk stream <id>: unknown"} or
     * {@code "chunk stream <id>: no partial message"} ({@code <id>} as an unsigned 32-bit value).
     *
     * @since 0.1.0
     */
    ABORT_WITHOUT_PARTIAL_MESSAGE
}

package io.streamwire.rtmp;

/**
 * Hard limits that bound memory and work per RTMP connection against hostile peers.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>setting</th><th>default</th><th>why</th></tr>
 *   <tr><td>{@code maxChunkSize}</td><td>16,777,215</td><td>the spec allows 1..2^31-1 (§5.4.1);
 *       larger than the largest message (24-bit length) gains nothing. ffmpeg/OBS use 4096, FMS 4096..65536</td></tr>
 *   <tr><td>{@code maxMessageLength}</td><td>16 MiB</td><td>the 24-bit message length field allows
 *       16,777,215; a 4K key frame is under 2 MB</td></tr>
 *   <tr><td>{@code maxChunkStreams}</td><td>64</td><td>live chunk stream ids per connection; ffmpeg,
 *       OBS, FMS and nginx use fewer than 10</td></tr>
 *   <tr><td>{@code maxBufferedBytes}</td><td>32 MiB</td><td>sum of the declared lengths of messages
 *       being reassembled across all chunk streams at once</td></tr>
 *   <tr><td>{@code maxAggregateMessages}</td><td>65,536</td><td>sub-messages in one aggregate message (type 22)</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxChunkSize largest Set Chunk Size accepted, 1..2^31-1
 * @param maxMessageLength largest message length accepted, 1..16,777,215 (larger settings behave as the field maximum)
 * @param maxChunkStreams most chunk stream ids with state at once, at least 1
 * @param maxBufferedBytes most bytes of partly received messages at once, at least 1
 * @param maxAggregateMessages most sub-messages per aggregate message, at least 1
 *
 * @since 0.1.0
 */
public record RtmpLimits(int maxChunkSize, int maxMessageLength, int maxChunkStreams, int maxBufferedBytes,
        int maxAggregateMessages) {
    /** Default {@link #maxChunkSize()}. */
    public static final int DEFAULT_MAX_CHUNK_SIZE = 0xFFFFFF;
    /** Default {@link #maxMessageLength()}: 16 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_LENGTH = 16 * 1024 * 1024;
    /** Default {@link #maxChunkStreams()}. */
    public static final int DEFAULT_MAX_CHUNK_STREAMS = 64;
    /** Default {@link #maxBufferedBytes()}: 32 MiB. */
    public static final int DEFAULT_MAX_BUFFERED_BYTES = 32 * 1024 * 1024;
    /** Default {@link #maxAggregateMessages()}. */
    public static final int DEFAULT_MAX_AGGREGATE_MESSAGES = 65_536;

    private static final RtmpLimits DEFAULTS = new RtmpLimits(DEFAULT_MAX_CHUNK_SIZE, DEFAULT_MAX_MESSAGE_LENGTH,
            DEFAULT_MAX_CHUNK_STREAMS, DEFAULT_MAX_BUFFERED_BYTES, DEFAULT_MAX_AGGREGATE_MESSAGES);

    /** Checks ranges. */
    public RtmpLimits {
        if (maxChunkSize < 1 || maxMessageLength < 1 || maxChunkStreams < 1 || maxBufferedBytes < 1
                || maxAggregateMessages < 1) {
            throw new IllegalArgumentException("every RTMP limit must be at least 1: " + maxChunkSize + ", "
                    + maxMessageLength + ", " + maxChunkStreams + ", " + maxBufferedBytes + ", " + maxAggregateMessages);
        }
    }

    /** The defaults in the table above. */
    public static RtmpLimits defaults() {
        return DEFAULTS;
    }

    /** A copy with {@code maxChunkSize} replaced. */
    public RtmpLimits withMaxChunkSize(int value) {
        return new RtmpLimits(value, maxMessageLength, maxChunkStreams, maxBufferedBytes, maxAggregateMessages);
    }

    /** A copy with {@code maxMessageLength} replaced. */
    public RtmpLimits withMaxMessageLength(int value) {
        return new RtmpLimits(maxChunkSize, value, maxChunkStreams, maxBufferedBytes, maxAggregateMessages);
    }

    /** A copy with {@code maxChunkStreams} replaced. */
    public RtmpLimits withMaxChunkStreams(int value) {
        return new RtmpLimits(maxChunkSize, maxMessageLength, value, maxBufferedBytes, maxAggregateMessages);
    }

    /** A copy with {@code maxBufferedBytes} replaced. */
    public RtmpLimits withMaxBufferedBytes(int value) {
        return new RtmpLimits(maxChunkSize, maxMessageLength, maxChunkStreams, value, maxAggregateMessages);
    }

    /** A copy with {@code maxAggregateMessages} replaced. */
    public RtmpLimits withMaxAggregateMessages(int value) {
        return new RtmpLimits(maxChunkSize, maxMessageLength, maxChunkStreams, maxBufferedBytes, value);
    }
}

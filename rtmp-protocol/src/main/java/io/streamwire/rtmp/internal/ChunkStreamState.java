package io.streamwire.rtmp.internal;

import java.nio.ByteBuffer;

/**
 * What one chunk stream remembers between chunks (RTMP 1.0 §5.3.1.2): the previous message header,
 * the timestamp delta that a type-3 header repeats, whether that header used the extended timestamp,
 * and the message being reassembled.
 *
 * <p>Not thread-safe; owned by one decoder or encoder.
 */
public final class ChunkStreamState {
    /** Largest assembly buffer kept between messages; larger ones are dropped after use. */
    public static final int RETAINED_CAPACITY = 64 * 1024;

    public final int chunkStreamId;
    public boolean hasHeader;
    /** Absolute timestamp of the current (or last) message, 0..2^32-1. */
    public long timestamp;
    /** Delta a type-3 header starting a new message adds; after type 0 it is the absolute timestamp. */
    public long timestampDelta;
    public int messageLength;
    public int messageTypeId;
    public int messageStreamId;
    /** Whether the last type 0/1/2 header carried an Extended Timestamp field. */
    public boolean extended;
    /** The last Extended Timestamp value read or written. */
    public long extendedValue;
    /** A message is partly received. */
    public boolean inProgress;
    /** Bytes of the current message received so far. */
    public int received;
    /** Whether {@link #messageLength} is counted in the decoder's buffered bytes. */
    public boolean reserved;
    public byte[] buffer;
    public ByteBuffer view;

    public ChunkStreamState(int chunkStreamId) {
        this.chunkStreamId = chunkStreamId;
    }

    /** Makes room for {@code needed} bytes, growing geometrically up to {@code max}. */
    public void ensureCapacity(int needed, int max) {
        if (buffer != null && buffer.length >= needed) {
            return;
        }
        int capacity = buffer == null ? 256 : Math.max(256, buffer.length);
        while (capacity < needed) {
            capacity = (int) Math.min((long) capacity * 2, Integer.MAX_VALUE);
        }
        capacity = Math.max(needed, Math.min(capacity, max));
        byte[] grown = new byte[capacity];
        if (buffer != null && received > 0) {
            System.arraycopy(buffer, 0, grown, 0, received);
        }
        buffer = grown;
        view = ByteBuffer.wrap(grown);
    }

    /** Drops a large buffer after its message, keeping small ones for reuse. */
    public void trim() {
        if (buffer != null && buffer.length > RETAINED_CAPACITY) {
            buffer = null;
            view = null;
        }
    }
}

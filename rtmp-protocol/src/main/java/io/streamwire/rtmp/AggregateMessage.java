package io.streamwire.rtmp;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * Splits an aggregate message (type 22), Adobe RTMP Specification 1.0 §7.1.6, into its sub-messages.
 * The payload is a run of FLV-tag-shaped sub-messages:
 *
 * <pre>
 * type (8) | data size (24) | timestamp (24) | timestamp extended (8) | stream id (24) | data | back pointer (32)
 * </pre>
 *
 * <p>Sub-message timestamps are corrected to the aggregate's timebase: {@code aggregate timestamp +
 * (sub timestamp - first sub timestamp)}, as §7.1.6 asks. Sub-messages take the aggregate's message
 * stream id (servers write 0 or the same id in the sub-header). Bodies are slices of the payload.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class AggregateMessage {
    static final String SPEC = "RTMP 1.0 §7.1.6";

    /** Receives sub-messages. */
    @FunctionalInterface
    public interface Listener {
        /** One sub-message; {@code body} is a slice of the aggregate's payload, valid as long as it. */
        void onSubMessage(long timestamp, int messageTypeId, int messageStreamId, ByteBuffer body);
    }

    /** A sub-message with the stream offset of its body, for the sessions' errors. */
    @FunctionalInterface
    interface LocatedListener {
        void onSubMessage(long timestamp, int messageTypeId, int messageStreamId, ByteBuffer body, long bodyOffset);
    }

    private AggregateMessage() {}

    /**
     * Splits {@code payload} (position to limit; not moved) into sub-messages.
     *
     * @param timestamp the aggregate message's timestamp
     * @param messageStreamId the aggregate message's stream id
     * @param offset stream offset of the payload, for errors
     * @return the number of sub-messages
     * @throws RtmpException when a sub-message overruns the payload or has a bad back pointer
     * @throws io.streamwire.core.LimitExceededException past {@link RtmpLimits#maxAggregateMessages()}
     */
    public static int split(long timestamp, int messageStreamId, ByteBuffer payload, RtmpLimits limits, long offset,
            Listener listener) {
        java.util.Objects.requireNonNull(listener, "listener");
        return split(timestamp, messageStreamId, payload, limits, offset,
                (LocatedListener) (ts, type, streamId, body, bodyOffset) -> listener.onSubMessage(ts, type, streamId, body));
    }

    /** As {@link #split(long, int, ByteBuffer, RtmpLimits, long, Listener)}, with each body's stream offset. */
    static int split(long timestamp, int messageStreamId, ByteBuffer payload, RtmpLimits limits, long offset,
            LocatedListener listener) {
        int at = payload.position();
        int end = payload.limit();
        long first = -1;
        int count = 0;
        while (at < end) {
            if (end - at < 11) {
                throw new RtmpException("aggregate sub-message header", "needs 11 bytes, got " + (end - at),
                        offset + at - payload.position(), SPEC);
            }
            int type = payload.get(at) & 0xFF;
            int size = (payload.get(at + 1) & 0xFF) << 16 | (payload.get(at + 2) & 0xFF) << 8 | payload.get(at + 3) & 0xFF;
            long ts = ((payload.get(at + 4) & 0xFFL) << 16 | (payload.get(at + 5) & 0xFFL) << 8 | payload.get(at + 6) & 0xFFL)
                    | (payload.get(at + 7) & 0xFFL) << 24;
            if (size > end - at - 11) {
                throw new RtmpException("aggregate sub-message data size", size + " overruns the aggregate ("
                        + (end - at - 11) + " bytes left)", offset + at + 1 - payload.position(), SPEC);
            }
            if (++count > limits.maxAggregateMessages()) {
                throw RtmpException.limit("aggregate sub-messages", "maxAggregateMessages",
                        limits.maxAggregateMessages(), count, offset + at - payload.position());
            }
            if (first < 0) {
                first = ts;
            }
            long corrected = (timestamp + ts - first) & 0xFFFFFFFFL;
            int body = at + 11;
            listener.onSubMessage(corrected, type, messageStreamId, payload.slice(body, size),
                    offset + body - payload.position());
            at = body + size;
            if (end - at >= 4) {
                int back = BigEndian.getInt(payload, at);
                if (back != size + 11) {
                    throw new RtmpException("aggregate back pointer", back + " does not match the sub-message size "
                            + (size + 11), offset + at - payload.position(), SPEC);
                }
                at += 4;
            } else if (at < end) {
                throw new RtmpException("aggregate back pointer", "truncated", offset + at - payload.position(), SPEC);
            }
        }
        return count;
    }
}

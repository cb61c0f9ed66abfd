package io.streamwire.rtmp;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * A protocol control message (Adobe RTMP Specification 1.0 §5.4, types 1-3, 5, 6) or a User Control
 * message (§6.2, type 4). They travel on chunk stream 2, message stream 0.
 *
 * <p>Implementations are immutable and thread-safe records.
 *
 * @since 0.1.0
 */
public sealed interface ControlMessage
        permits SetChunkSize, AbortMessage, Acknowledgement, WindowAcknowledgementSize, SetPeerBandwidth, UserControlMessage {
    /** Chunk stream id protocol control messages use, §5.4. */
    int CHUNK_STREAM_ID = 2;

    /** The message type id. */
    int messageTypeId();

    /** Bytes of the payload. */
    int encodedSize();

    /** Writes the payload at {@code out}'s position and moves the position past it. */
    void writeTo(ByteBuffer out);

    /** The payload in a new buffer, flipped for reading. */
    default ByteBuffer toPayload() {
        ByteBuffer out = ByteBuffer.allocate(encodedSize());
        writeTo(out);
        return out.flip();
    }

    /**
     * Parses the payload of a control message of type {@code messageTypeId} (position to limit; the
     * position does not move).
     *
     * @param offset stream offset of the payload, for errors
     * @return the message, or null when {@code messageTypeId} is not 1-6
     * @throws RtmpException when the payload is too short or a value is out of range
     */
    static ControlMessage parse(int messageTypeId, ByteBuffer payload, long offset) {
        int at = payload.position();
        int n = payload.remaining();
        return switch (messageTypeId) {
            case MessageType.SET_CHUNK_SIZE -> new SetChunkSize(SetChunkSize.readChunkSize(payload, offset));
            case MessageType.ABORT -> new AbortMessage(AbortMessage.readChunkStreamId(payload, offset));
            case MessageType.ACKNOWLEDGEMENT -> new Acknowledgement(need(payload, 4, "acknowledgement sequence number", offset) & 0xFFFFFFFFL);
            case MessageType.WINDOW_ACKNOWLEDGEMENT_SIZE -> new WindowAcknowledgementSize(
                    need(payload, 4, "window acknowledgement size", offset) & 0xFFFFFFFFL);
            case MessageType.SET_PEER_BANDWIDTH -> {
                long size = need(payload, 5, "set peer bandwidth", offset) & 0xFFFFFFFFL;
                yield new SetPeerBandwidth(size, payload.get(at + 4) & 0xFF);
            }
            case MessageType.USER_CONTROL -> {
                if (n < 2) {
                    throw new RtmpException("user control event type", "needs 2 bytes, got " + n, offset, "RTMP 1.0 §6.2");
                }
                int event = BigEndian.getShort(payload, at) & 0xFFFF;
                int dataLength = event == UserControlMessage.SET_BUFFER_LENGTH ? 8 : 4;
                if (n < 2 + dataLength) {
                    if (!UserControlMessage.isKnown(event) && n == 2) {
                        yield new UserControlMessage(event, 0, 0);
                    }
                    throw new RtmpException("user control event data", "of event " + event + " needs " + dataLength
                            + " bytes, got " + (n - 2), offset + 2, "RTMP 1.0 §7.1.7");
                }
                long data = BigEndian.getInt(payload, at + 2) & 0xFFFFFFFFL;
                long buffer = dataLength == 8 ? BigEndian.getInt(payload, at + 6) & 0xFFFFFFFFL : 0;
                yield new UserControlMessage(event, data, buffer);
            }
            default -> null;
        };
    }

    private static int need(ByteBuffer payload, int length, String field, long offset) {
        if (payload.remaining() < length) {
            throw new RtmpException(field, "needs " + length + " bytes, got " + payload.remaining(), offset, "RTMP 1.0 §5.4");
        }
        return BigEndian.getInt(payload, payload.position());
    }
}

package io.streamwire.rtmp;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * A User Control message, Adobe RTMP Specification 1.0 §6.2 and §7.1.7 (message type 4).
 *
 * <pre>
 * event type (16) | event data: stream id or timestamp (32) [| buffer length ms (32), Set Buffer Length only]
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param eventType event type, 16 bits: the constants below; others are kept as they are
 * @param eventData the stream id (Stream Begin/EOF/Dry/Is Recorded, Set Buffer Length) or the
 *     timestamp (Ping Request/Response), 32 bits unsigned
 * @param bufferLength buffer length in ms for Set Buffer Length, else 0; 32 bits unsigned
 *
 * @since 0.1.0
 */
public record UserControlMessage(int eventType, long eventData, long bufferLength) implements ControlMessage {
    /** Stream Begin: the stream became functional. */
    public static final int STREAM_BEGIN = 0;
    /** Stream EOF: playback of the stream is over. */
    public static final int STREAM_EOF = 1;
    /** Stream Dry: no more data on the stream for now. */
    public static final int STREAM_DRY = 2;
    /** Set Buffer Length: the client's buffer, in ms. */
    public static final int SET_BUFFER_LENGTH = 3;
    /** Stream Is Recorded. */
    public static final int STREAM_IS_RECORDED = 4;
    /** Ping Request: the peer should answer with Ping Response and the same timestamp. */
    public static final int PING_REQUEST = 6;
    /** Ping Response. */
    public static final int PING_RESPONSE = 7;

    /** Checks ranges. */
    public UserControlMessage {
        if (eventType >>> 16 != 0 || eventData < 0 || eventData > 0xFFFFFFFFL || bufferLength < 0
                || bufferLength > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("user control " + eventType + "/" + eventData + "/" + bufferLength);
        }
    }

    /** Stream Begin for {@code streamId}. */
    public static UserControlMessage streamBegin(int streamId) {
        return new UserControlMessage(STREAM_BEGIN, streamId & 0xFFFFFFFFL, 0);
    }

    /** Stream EOF for {@code streamId}. */
    public static UserControlMessage streamEof(int streamId) {
        return new UserControlMessage(STREAM_EOF, streamId & 0xFFFFFFFFL, 0);
    }

    /** Whether {@code eventType} is one of §7.1.7's (0-4, 6, 7). */
    public static boolean isKnown(int eventType) {
        return eventType >= 0 && eventType <= 4 || eventType == 6 || eventType == 7;
    }

    @Override
    public int messageTypeId() {
        return MessageType.USER_CONTROL;
    }

    @Override
    public int encodedSize() {
        return eventType == SET_BUFFER_LENGTH ? 10 : 6;
    }

    @Override
    public void writeTo(ByteBuffer out) {
        BigEndian.putIntRelative(BigEndian.putShortRelative(out, (short) eventType), (int) eventData);
        if (eventType == SET_BUFFER_LENGTH) {
            BigEndian.putIntRelative(out, (int) bufferLength);
        }
    }
}

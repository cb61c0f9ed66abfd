package io.streamwire.rtmp;

/**
 * RTMP message type ids: Adobe RTMP Specification 1.0 §5.4 (protocol control), §6.2 (user control)
 * and §7.1 (command, data, shared object, audio, video, aggregate). Ids not listed here are passed
 * through unchanged.
 *
 * <p>Immutable and thread-safe (constants only).
 *
 * @since 0.1.0
 */
public final class MessageType {
    /** Set Chunk Size, §5.4.1. */
    public static final int SET_CHUNK_SIZE = 1;
    /** Abort Message, §5.4.2. */
    public static final int ABORT = 2;
    /** Acknowledgement, §5.4.3. */
    public static final int ACKNOWLEDGEMENT = 3;
    /** User Control Message, §6.2. */
    public static final int USER_CONTROL = 4;
    /** Window Acknowledgement Size, §5.4.4. */
    public static final int WINDOW_ACKNOWLEDGEMENT_SIZE = 5;
    /** Set Peer Bandwidth, §5.4.5. */
    public static final int SET_PEER_BANDWIDTH = 6;
    /** Audio, §7.1.4: an FLV AUDIODATA tag body. */
    public static final int AUDIO = 8;
    /** Video, §7.1.5: an FLV VIDEODATA tag body. */
    public static final int VIDEO = 9;
    /** Data message in AMF3, §7.1.2. */
    public static final int DATA_AMF3 = 15;
    /** Shared object message in AMF3, §7.1.3. */
    public static final int SHARED_OBJECT_AMF3 = 16;
    /** Command message in AMF3, §7.1.1. */
    public static final int COMMAND_AMF3 = 17;
    /** Data message in AMF0, §7.1.2. */
    public static final int DATA_AMF0 = 18;
    /** Shared object message in AMF0, §7.1.3. */
    public static final int SHARED_OBJECT_AMF0 = 19;
    /** Command message in AMF0, §7.1.1. */
    public static final int COMMAND_AMF0 = 20;
    /** Aggregate message, §7.1.6. */
    public static final int AGGREGATE = 22;

    private MessageType() {}

    /** Whether {@code type} is a protocol control message (1-6) that belongs on chunk stream 2, stream 0. */
    public static boolean isControl(int type) {
        return type >= SET_CHUNK_SIZE && type <= SET_PEER_BANDWIDTH;
    }

    /** A readable name for logs, e.g. {@code "video(9)"}. */
    public static String name(int type) {
        String name = switch (type) {
            case SET_CHUNK_SIZE -> "set-chunk-size";
            case ABORT -> "abort";
            case ACKNOWLEDGEMENT -> "acknowledgement";
            case USER_CONTROL -> "user-control";
            case WINDOW_ACKNOWLEDGEMENT_SIZE -> "window-acknowledgement-size";
            case SET_PEER_BANDWIDTH -> "set-peer-bandwidth";
            case AUDIO -> "audio";
            case VIDEO -> "video";
            case DATA_AMF3 -> "data-amf3";
            case SHARED_OBJECT_AMF3 -> "shared-object-amf3";
            case COMMAND_AMF3 -> "command-amf3";
            case DATA_AMF0 -> "data-amf0";
            case SHARED_OBJECT_AMF0 -> "shared-object-amf0";
            case COMMAND_AMF0 -> "command-amf0";
            case AGGREGATE -> "aggregate";
            default -> "unknown";
        };
        return name + "(" + type + ")";
    }
}

package io.streamwire.flv;

import java.nio.ByteBuffer;

/**
 * The body of an audio tag or RTMP audio message (type 8): legacy AUDIODATA ({@link AudioData},
 * Adobe FLV/F4V v10.1 §E.4.2) or the Enhanced RTMP ExAudioTagHeader form ({@link ExAudioData},
 * SoundFormat 9).
 *
 * <p>Implementations are immutable records whose payloads are read-only slices of the parsed
 * buffer (zero-copy; valid as long as that buffer's bytes are).
 *
 * @since 0.1.0
 */
public sealed interface AudioTagBody permits AudioData, ExAudioData {
    /** SoundFormat 9: the ExAudioTagHeader follows. */
    int EX_HEADER = 9;

    /**
     * Parses the body from the buffer's position to its limit and moves the position to the limit.
     *
     * @throws FlvException if the body uses a multitrack type inside a multitrack header (position
     *     unchanged)
     * @throws io.streamwire.core.TruncatedInputException if the body is empty or cut short (position unchanged)
     */
    static AudioTagBody parse(ByteBuffer in) {
        if (!in.hasRemaining()) {
            throw FlvException.truncated("audio SoundFormat", 1, 0, in.position(), AudioData.SPEC);
        }
        return (in.get(in.position()) & 0xFF) >>> 4 == EX_HEADER ? ExAudioData.parse(in) : AudioData.parse(in);
    }

    /** Bytes {@link #writeTo} writes. */
    int encodedSize();

    /** Writes the body at the buffer's position and moves it. */
    void writeTo(ByteBuffer out);
}

package io.streamwire.flv;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One track of an Enhanced RTMP audio message (ExAudioTagBody).
 *
 * @param fourCc AudioFourCc of the track's codec
 * @param trackId audioTrackId, UI8 (0 outside multitrack)
 * @param data the track payload for the message's AudioPacketType: the codec configuration for
 *     SequenceStart (AudioSpecificConfig, OpusHead, FLAC STREAMINFO), coded frames, or the
 *     multichannel configuration bytes (read-only slice)
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record AudioTrack(FourCc fourCc, int trackId, ByteBuffer data) {
    /** Checks ranges. */
    public AudioTrack {
        Objects.requireNonNull(fourCc, "fourCc");
        if (trackId >>> 8 != 0) {
            throw new IllegalArgumentException("trackId " + trackId);
        }
        data = data.asReadOnlyBuffer();
    }

    /** The track payload: a read-only view with its own position. */
    @Override
    public ByteBuffer data() {
        return data.duplicate();
    }
}

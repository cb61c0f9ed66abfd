package io.streamwire.flv;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One track of an Enhanced RTMP video message (ExVideoTagBody).
 *
 * @param fourCc VideoFourCc of the track's codec
 * @param trackId videoTrackId, UI8 (0 outside multitrack)
 * @param compositionTime SI24 CompositionTime in ms, present on the wire only for CodedFrames of
 *     avc1/hvc1 (0 otherwise)
 * @param data the payload after it: the decoder configuration record for SequenceStart
 *     (avcC/hvcC/av1C/vpcC), coded frames, AMF metadata, or the MPEG-2 TS descriptor (read-only slice)
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record VideoTrack(FourCc fourCc, int trackId, int compositionTime, ByteBuffer data) {
    /** Checks ranges. */
    public VideoTrack {
        Objects.requireNonNull(fourCc, "fourCc");
        if (trackId >>> 8 != 0 || compositionTime < -(1 << 23) || compositionTime >= 1 << 23) {
            throw new IllegalArgumentException("trackId " + trackId + ", composition time " + compositionTime);
        }
        data = data.asReadOnlyBuffer();
    }

    /** The track payload: a read-only view with its own position. */
    @Override
    public ByteBuffer data() {
        return data.duplicate();
    }
}

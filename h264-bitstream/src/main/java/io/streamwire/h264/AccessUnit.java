package io.streamwire.h264;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One access unit found in an Annex B buffer (ITU-T H.264 (08/2021) §7.4.1.2): the bytes from the
 * first NAL unit's header to the last NAL unit's end (start codes between them included).
 *
 * <p>Immutable and thread-safe.
 *
 * @param offset index of the first NAL unit's header byte, relative to the buffer's position
 * @param length bytes up to the end of the last NAL unit
 * @param nalUnitCount NAL units in the access unit
 * @param keyframe true if it holds an IDR slice or a recovery point SEI
 * @param idr true if it holds an IDR picture
 *
 * @since 0.1.0
 */
public record AccessUnit(long offset, int length, int nalUnitCount, boolean keyframe, boolean idr) {

    /**
     * The access units of {@code annexB[position, limit)}, a whole stream, with default limits; the
     * position is unchanged. Every slice's PPS and SPS must be in the buffer before it: for a piece
     * of a stream (one PES payload, one converted RTMP sample) use
     * {@link #split(ByteBuffer, ParameterSets)}. See {@link AccessUnitScanner} for the
     * allocation-free form.
     *
     * @throws H264Exception as {@link AccessUnitSplitter#push}, e.g. for a slice whose PPS is not in
     *     the buffer before it (field {@code slice_header pic_parameter_set_id})
     * @throws io.streamwire.core.LimitExceededException as {@link AccessUnitSplitter#push}
     */
    public static List<AccessUnit> split(ByteBuffer annexB) {
        return split(annexB, new AccessUnitScanner(H264Limits.defaults()));
    }

    /**
     * The access units of {@code annexB[position, limit)} given the parameter sets known so far,
     * with default limits; the position is unchanged. Slices may refer to the SPSs and PPSs in
     * {@code sets} (from earlier buffers of the stream or from the decoder configuration, see
     * {@link AccessUnitSplitter#AccessUnitSplitter(AvcDecoderConfigurationRecord, H264Limits)}), and
     * the SPS and PPS NAL units of this buffer are added to {@code sets}. Keep one
     * {@code ParameterSets} per elementary stream and pass each buffer in stream order, e.g. each
     * MPEG-TS PES payload (one access unit each, as muxers write H.264): the flags of the one
     * access unit it gives are then the same as splitting the whole stream at once.
     *
     * <p>The buffer is split on its own: an access unit never continues into the next call's buffer.
     *
     * @param annexB an Annex B buffer (start codes before NAL units)
     * @param sets the stream's parameter sets: read, and filled with the buffer's SPSs and PPSs
     * @return the access units in order, offsets relative to the buffer's position
     * @throws H264Exception as {@link AccessUnitSplitter#push}, e.g. for a slice whose PPS is neither
     *     in {@code sets} nor in the buffer before it (when joining a stream, the buffers before the
     *     first one carrying an SPS and PPS, normally a keyframe's)
     * @throws io.streamwire.core.LimitExceededException as {@link AccessUnitSplitter#push}
     * @since 0.1.0
     */
    public static List<AccessUnit> split(ByteBuffer annexB, ParameterSets sets) {
        return split(annexB, new AccessUnitScanner(Objects.requireNonNull(sets, "sets"), H264Limits.defaults()));
    }

    private static List<AccessUnit> split(ByteBuffer annexB, AccessUnitScanner scanner) {
        List<AccessUnit> out = new ArrayList<>();
        scanner.reset(annexB);
        while (scanner.next()) {
            out.add(new AccessUnit(scanner.start() - annexB.position(), scanner.end() - scanner.start(), scanner.nalUnitCount(),
                    scanner.isKeyframe(), scanner.isIdr()));
        }
        return out;
    }
}

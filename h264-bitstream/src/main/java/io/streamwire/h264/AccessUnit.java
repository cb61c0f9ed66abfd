package io.streamwire.h264;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One access unit found in an Annex B buffer (ITU-T H.264 (08/2021) §7.4.1.2): the bytes from the
 * first NAL unit's header to the last NAL unit's end (start codes between them included).
 *
 * @param offset index of the first NAL unit's header byte, relative to the buffer's position
 * @param length bytes up to the end of the last NAL unit
 * @param nalUnitCount NAL units in the access unit
 * @param keyframe true if it holds an IDR slice or a recovery point SEI
 * @param idr true if it holds an IDR picture
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record AccessUnit(long offset, int length, int nalUnitCount, boolean keyframe, boolean idr) {

    /**
     * The access units of {@code annexB[position, limit)} with default limits; the position is
     * unchanged. See {@link AccessUnitScanner} for the allocation-free form.
     *
     * @throws H264Exception as {@link AccessUnitSplitter#push}
     */
    public static List<AccessUnit> split(ByteBuffer annexB) {
        List<AccessUnit> out = new ArrayList<>();
        AccessUnitScanner scanner = new AccessUnitScanner(H264Limits.defaults()).reset(annexB);
        while (scanner.next()) {
            out.add(new AccessUnit(scanner.start() - annexB.position(), scanner.end() - scanner.start(), scanner.nalUnitCount(),
                    scanner.isKeyframe(), scanner.isIdr()));
        }
        return out;
    }
}

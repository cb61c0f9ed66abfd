package io.streamwire.h265;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One HEVC access unit (ITU-T H.265 (09/2023) §7.4.2.4.4): where its NAL units lie and what its
 * picture is. In an Annex B buffer it spans the bytes from the first NAL unit's header to the last
 * NAL unit's end (start codes between them included).
 *
 * <p>Immutable and thread-safe.
 *
 * @param offset where its first NAL unit's header starts: relative to the buffer's position for
 *     {@link #split}, the offset given to {@link HevcAccessUnitSplitter#push} otherwise
 * @param length bytes up to the end of its last NAL unit
 * @param nalUnitCount NAL units in it
 * @param pictureType nal_unit_type of its first base-layer slice segment (0..9 or 16..21), or -1
 *     when it has none (parameter sets or SEI only)
 * @param decodable false when its picture cannot be decoded from the data before it: a picture
 *     before the stream's first IRAP picture, or a RASL picture of a CRA that starts the stream (or
 *     follows an end of sequence) or of a BLA (NoRaslOutputFlag 1, §8.1.3: such RASL pictures are
 *     not output); true otherwise, and for an access unit without a picture
 *
 * @since 0.2.0
 */
public record HevcAccessUnit(long offset, int length, int nalUnitCount, int pictureType, boolean decodable) {
    /** Checks the ranges. */
    public HevcAccessUnit {
        if (length < 0 || nalUnitCount < 1 || pictureType < -1 || pictureType > 63) {
            throw new IllegalArgumentException("access unit fields out of range: " + length + ", " + nalUnitCount + ", " + pictureType);
        }
    }

    /**
     * True for an intra random access point picture (BLA, IDR or CRA, nal_unit_type 16..21): the
     * access units players and muxers mark as keyframes (sync samples, random access indicator).
     */
    public boolean keyframe() {
        return pictureType >= 0 && NalUnitType.isIrap(pictureType);
    }

    /** True for an IDR picture (19, 20). */
    public boolean isIdr() {
        return pictureType >= 0 && NalUnitType.isIdr(pictureType);
    }

    /** True for a CRA picture (21). */
    public boolean isCra() {
        return pictureType == NalUnitType.CRA_NUT;
    }

    /** True for a BLA picture (16..18). */
    public boolean isBla() {
        return pictureType >= 0 && NalUnitType.isBla(pictureType);
    }

    /** True for a RASL picture (8, 9). */
    public boolean isRasl() {
        return pictureType >= 0 && NalUnitType.isRasl(pictureType);
    }

    /** True for a RADL picture (6, 7). */
    public boolean isRadl() {
        return pictureType >= 0 && NalUnitType.isRadl(pictureType);
    }

    /**
     * The access units of {@code annexB[position, limit)}, a whole stream, with default limits; the
     * position is unchanged. Offsets are relative to the position.
     *
     * @throws io.streamwire.core.LimitExceededException as {@link HevcAccessUnitSplitter#push}
     * @throws io.streamwire.core.TruncatedInputException as {@link HevcAccessUnitSplitter#push}
     */
    public static List<HevcAccessUnit> split(ByteBuffer annexB) {
        return split(annexB, new HevcAccessUnitSplitter(H265Limits.defaults()));
    }

    /**
     * The access units of {@code annexB[position, limit)} found by {@code splitter} (whose stream
     * state, such as the IRAP picture leading pictures belong to, carries over from earlier calls);
     * the position is unchanged and the splitter ends this buffer's last access unit with
     * {@link HevcAccessUnitSplitter#endAccessUnit()}. Offsets are relative to the position.
     *
     * @throws io.streamwire.core.LimitExceededException as {@link HevcAccessUnitSplitter#push}
     * @throws io.streamwire.core.TruncatedInputException as {@link HevcAccessUnitSplitter#push}
     */
    public static List<HevcAccessUnit> split(ByteBuffer annexB, HevcAccessUnitSplitter splitter) {
        List<HevcAccessUnit> out = new ArrayList<>();
        HevcAnnexBScanner nals = new HevcAnnexBScanner().reset(annexB);
        int base = annexB.position();
        while (nals.next()) {
            if (splitter.push(annexB, nals.nalStart(), nals.nalEnd(), nals.nalStart() - base)) {
                out.add(splitter.completed());
            }
        }
        if (splitter.endAccessUnit()) {
            out.add(splitter.completed());
        }
        return out;
    }
}

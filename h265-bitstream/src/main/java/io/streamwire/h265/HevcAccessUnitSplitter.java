package io.streamwire.h265;

import io.streamwire.core.LimitExceededException;
import io.streamwire.core.TruncatedInputException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Groups HEVC NAL units into access units without relying on access unit delimiters, as ITU-T
 * H.265 (09/2023) §7.4.2.4.4 orders them: after the last VCL NAL unit of a picture, the first AUD
 * (35), VPS (32), SPS (33), PPS (34), prefix SEI (39), RSV_NVCL41..44 or UNSPEC48..55 NAL unit
 * starts a new access unit, and so does a slice segment with first_slice_segment_in_pic_flag 1 (the
 * first bit after the two-byte header, read here without the SPS or PPS). Each access unit is
 * described by a {@link HevcAccessUnit}: its picture's nal_unit_type (IRAP 16..21 marks a keyframe)
 * and whether the picture is decodable (RASL pictures of a CRA that starts the stream, or follows an
 * end of sequence, and of a BLA are not; nor is any picture before the first IRAP picture).
 *
 * <pre>{@code
 * HevcAccessUnitSplitter splitter = new HevcAccessUnitSplitter(H265Limits.defaults());
 * for (ByteBuffer nal : nals) {                 // decoding order, e.g. from HevcAnnexBDecoder
 *     if (splitter.push(nal, offset)) {          // this NAL unit begins the next access unit
 *         HevcAccessUnit au = splitter.completed();
 *     }
 * }
 * if (splitter.finish()) { HevcAccessUnit last = splitter.completed(); }
 * }</pre>
 *
 * <p>Each completed access unit is handed out exactly once: by the {@link #push} call that returns
 * true (its NAL unit begins the next access unit), or by {@link #endAccessUnit()} /
 * {@link #finish()} returning true. {@link #completed()} describes it until the next call and
 * throws {@link IllegalStateException} at any other time. The lifecycle is core's stream decoder
 * lifecycle: {@code push} after {@code finish} throws {@link IllegalStateException} until
 * {@link #reset()}; a second {@code finish} does nothing. Only the first three bytes of each NAL
 * unit are read, so NAL units may come from anywhere (Annex B, length-prefixed samples, RTP), and a
 * steady stream allocates one {@link HevcAccessUnit} per access unit and nothing per NAL unit.
 *
 * <p>Not thread-safe: keep one per stream.
 *
 * @implNote Only base-layer NAL units (nuh_layer_id 0) start access units, as in §7.4.2.4.4 for
 *     multi-layer streams (§F.7.4.2.4.4); the NAL units of other layers join the access unit in
 *     progress. Reserved VCL types (10..15, 22..31) are carried along but neither start an access
 *     unit nor count as its picture, as ffmpeg's parser does. An end of sequence (36) or end of
 *     bitstream (37) NAL unit closes the access unit it is in (§7.4.2.4.4: it is the last one), so the
 *     next NAL unit starts a new one; ffmpeg's parser instead moves it to the next access unit.
 *     NAL unit headers are not validated (see {@link HevcNalUnitHeader#parse}).
 *
 * @since 0.2.0
 */
public final class HevcAccessUnitSplitter {
    /** What the splitter accepts next. */
    private enum State { PUSH_OR_FINISH, FINISHED }

    private final H265Limits limits;
    private State state = State.PUSH_OR_FINISH;
    // the access unit in progress
    private int nalCount;
    private long auOffset;
    private long auEnd;
    private boolean seenVcl;
    private boolean closed;
    private int pictureType = -1;
    private boolean decodable = true;
    // the stream
    private boolean irapSeen;
    private boolean noRaslOutputFlag;
    private boolean afterEndOfSequence;
    private HevcAccessUnit completed;

    /** A splitter with {@link H265Limits#defaults()}. */
    public HevcAccessUnitSplitter() {
        this(H265Limits.defaults());
    }

    /** A splitter bounded by {@link H265Limits#maxNalUnitsPerAccessUnit()}. */
    public HevcAccessUnitSplitter(H265Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Takes the next NAL unit, {@code nal[position, limit)}; the position is unchanged.
     *
     * @param offset stream offset of the NAL unit's first header byte
     * @return true if this NAL unit begins a new access unit and so completes the one before it
     *     ({@link #completed()} describes that one until the next call); false otherwise, in particular
     *     for the first NAL unit after construction, {@link #endAccessUnit()} or {@link #reset()}
     * @throws IllegalStateException after {@link #finish()} until {@link #reset()}
     * @throws IllegalArgumentException if the NAL unit is empty
     * @throws TruncatedInputException if a slice segment NAL unit ends inside its two-byte header
     *     or before first_slice_segment_in_pic_flag
     * @throws LimitExceededException if the access unit gets more than
     *     {@link H265Limits#maxNalUnitsPerAccessUnit()} NAL units
     */
    public boolean push(ByteBuffer nal, long offset) {
        return push(nal, nal.position(), nal.limit(), offset);
    }

    /**
     * {@link #push(ByteBuffer, long)} for {@code buf[from, to)}, allocation-free; the buffer's
     * position is not used and not changed.
     */
    public boolean push(ByteBuffer buf, int from, int to, long offset) {
        if (state == State.FINISHED) {
            throw new IllegalStateException("push after finish(): the stream has ended; call reset() to start a new one");
        }
        completed = null;
        if (to <= from) {
            throw new IllegalArgumentException("empty NAL unit");
        }
        int b0 = buf.get(from) & 0xFF;
        int type = b0 >>> 1 & 0x3F;
        boolean baseLayer = (b0 & 1) == 0 && (to - from < 2 || (buf.get(from + 1) & 0xF8) == 0);
        boolean slice = type <= NalUnitType.RASL_R || (type >= NalUnitType.BLA_W_LP && type <= NalUnitType.CRA_NUT);
        boolean firstSlice = false;
        if (slice && baseLayer) {
            if (to - from < 3) {
                throw new TruncatedInputException(H265Exception.MODULE, "slice_segment_header first_slice_segment_in_pic_flag",
                        "NAL unit of " + (to - from) + " bytes ends before it", offset + (to - from),
                        "ITU-T H.265 (09/2023) §7.3.6.1");
            }
            firstSlice = (buf.get(from + 2) & 0x80) != 0;
        }
        boolean starts;
        if (closed) {
            starts = true;
        } else if (!baseLayer) {
            starts = false;
        } else if (type == NalUnitType.AUD_NUT) {
            starts = true;
        } else if (slice) {
            starts = firstSlice && seenVcl;
        } else {
            starts = seenVcl && ((type >= NalUnitType.VPS_NUT && type <= NalUnitType.PPS_NUT) || type == NalUnitType.PREFIX_SEI_NUT
                    || (type >= 41 && type <= 44) || (type >= 48 && type <= 55));
        }
        if (starts && nalCount > 0) {
            complete();
        }
        if (nalCount == 0) {
            auOffset = offset;
        }
        if (++nalCount > limits.maxNalUnitsPerAccessUnit()) {
            throw new LimitExceededException(H265Exception.MODULE, "access_unit", "H265Limits.maxNalUnitsPerAccessUnit()",
                    limits.maxNalUnitsPerAccessUnit(), nalCount, offset);
        }
        auEnd = offset + (to - from);
        if (slice && baseLayer) {
            if (!seenVcl) {
                picture(type);
            }
            seenVcl = true;
        }
        if (baseLayer && (type == NalUnitType.EOS_NUT || type == NalUnitType.EOB_NUT)) {
            closed = true;
            afterEndOfSequence = true;
        }
        return completed != null;
    }

    /** The first slice segment of the access unit's picture: its type decides the flags. */
    private void picture(int type) {
        pictureType = type;
        if (NalUnitType.isIrap(type)) {
            // §8.1.3: NoRaslOutputFlag is 1 for IDR, BLA, the first picture and the first after an end of sequence
            noRaslOutputFlag = type != NalUnitType.CRA_NUT || !irapSeen || afterEndOfSequence;
            irapSeen = true;
            decodable = true;
        } else if (NalUnitType.isRasl(type)) {
            decodable = irapSeen && !noRaslOutputFlag;
        } else {
            decodable = irapSeen;
        }
        afterEndOfSequence = false;
    }

    /**
     * Ends the access unit in progress without ending the stream, for containers that frame access
     * units themselves (an MP4 sample, an FLV tag, a PES packet): the next NAL unit starts a new
     * access unit, and the stream state (the IRAP picture that leading pictures belong to) carries on.
     *
     * @return true if an access unit was in progress ({@link #completed()} describes it until the next call)
     * @throws IllegalStateException after {@link #finish()} until {@link #reset()}
     */
    public boolean endAccessUnit() {
        if (state == State.FINISHED) {
            throw new IllegalStateException("endAccessUnit after finish(): call reset() to start a new stream");
        }
        completed = null;
        if (nalCount == 0) {
            return false;
        }
        complete();
        return true;
    }

    /**
     * Ends the stream: the access unit in progress is complete. Later {@link #push} calls throw
     * {@link IllegalStateException} until {@link #reset()}; a second {@code finish} does nothing and
     * returns false.
     *
     * @return true if an access unit was in progress ({@link #completed()} describes it until the next call)
     */
    public boolean finish() {
        completed = null;
        if (state == State.FINISHED) {
            return false;
        }
        state = State.FINISHED;
        if (nalCount == 0) {
            return false;
        }
        complete();
        return true;
    }

    /** Starts a new stream: forgets the access unit in progress, the last IRAP picture and a {@link #finish()}. */
    public void reset() {
        state = State.PUSH_OR_FINISH;
        completed = null;
        nalCount = 0;
        seenVcl = false;
        closed = false;
        pictureType = -1;
        decodable = true;
        irapSeen = false;
        noRaslOutputFlag = false;
        afterEndOfSequence = false;
    }

    private void complete() {
        completed = new HevcAccessUnit(auOffset, (int) Math.min(Integer.MAX_VALUE, auEnd - auOffset), nalCount, pictureType,
                decodable);
        nalCount = 0;
        seenVcl = false;
        closed = false;
        pictureType = -1;
        decodable = true;
    }

    /**
     * The access unit completed by the last call.
     *
     * @throws IllegalStateException unless the last {@link #push}, {@link #endAccessUnit()} or
     *     {@link #finish()} returned true
     */
    public HevcAccessUnit completed() {
        if (completed == null) {
            throw new IllegalStateException("no access unit was completed by the last call: each completed access unit "
                    + "is described only after the push, endAccessUnit or finish call that returned true, until the next call");
        }
        return completed;
    }
}

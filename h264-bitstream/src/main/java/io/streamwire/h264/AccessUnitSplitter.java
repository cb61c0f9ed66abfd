package io.streamwire.h264;

import io.streamwire.core.LimitExceededException;
import io.streamwire.core.internal.BitReader;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Finds access unit boundaries in a sequence of NAL units without relying on access unit
 * delimiters: ITU-T H.264 (08/2021) §7.4.1.2.3 (order of NAL units; the first AUD, SPS, PPS, SEI or
 * type 14..18 NAL unit after the last VCL NAL unit of a primary coded picture starts a new access
 * unit) and §7.4.1.2.4 (the first VCL NAL unit of a new primary coded picture is found by comparing
 * frame_num, pic_parameter_set_id, field_pic_flag, bottom_field_flag, nal_ref_idc being 0,
 * pic_order_cnt_lsb / delta_pic_order_cnt_bottom, delta_pic_order_cnt[0..1], IdrPicFlag and
 * idr_pic_id). Redundant slices (redundant_pic_cnt &gt; 0) never start a picture. Each access unit
 * is marked as a keyframe when it holds an IDR slice or a recovery point SEI.
 *
 * <p>Push NAL units in decoding order with {@link #push}; it parses SPS and PPS NAL units itself
 * (repeats are recognised by their bytes and not parsed again) and reads only the first fields of
 * each slice header into a reused holder, so a steady stream allocates nothing.
 *
 * <p>Each completed access unit is handed out exactly once: by the {@link #push} call that returns
 * true (its NAL unit begins the next access unit) or by the {@link #finish()} call that returns
 * true (the end of the stream). The {@code completed*} accessors describe that access unit until
 * the next call to {@code push}, {@code finish} or {@link #reset()}, and throw
 * {@link IllegalStateException} at any other time, so a loop cannot count one access unit twice.
 * The lifecycle is core's stream decoder lifecycle: {@code push} after {@code finish} throws
 * {@link IllegalStateException} until {@link #reset()}; a second {@code finish} does nothing.
 *
 * <p>Parameter sets: the splitter needs the PPS (and its SPS) of every slice. It learns the ones
 * in the NAL units it is given; those sent earlier or elsewhere (a previous PES packet, the
 * {@code avcC} / RTMP sequence header) are given with {@link #AccessUnitSplitter(ParameterSets,
 * H264Limits)} (a {@link ParameterSets} kept for the stream) or
 * {@link #AccessUnitSplitter(AvcDecoderConfigurationRecord, H264Limits)}. For one Annex B buffer at a
 * time (a PES payload) {@link AccessUnit#split(ByteBuffer, ParameterSets)} does the same.
 *
 * <pre>{@code
 * AccessUnitSplitter splitter = new AccessUnitSplitter(config, H264Limits.defaults()); // avcC's SPS/PPS
 * for (ByteBuffer nal : Avcc.split(sample, config.nalUnitLengthSize())) {
 *     splitter.push(nal, 0);
 * }
 * boolean keyframe = splitter.finish() && splitter.completedIsKeyframe(); // false: empty sample
 * splitter.reset();                                    // next sample; the parameter sets stay
 * }</pre>
 *
 * <p>Errors: a slice naming an unknown PPS, or a malformed parameter set or slice header, raises
 * {@link H264Exception} (core's {@link io.streamwire.core.TruncatedInputException} when one ends
 * early); more than {@link H264Limits#maxNalUnitsPerAccessUnit()} NAL units in one access unit
 * raises core's {@link LimitExceededException}. All of them carry module {@code "h264"}. After an
 * error the splitter takes the next NAL unit (one whose parameter set, SEI or slice header failed
 * to parse is not counted).
 *
 * <p>Not thread-safe: keep one per stream.
 *
 * @since 0.1.0
 */
public final class AccessUnitSplitter {
    /** What the splitter accepts next. */
    private enum State { PUSH_OR_FINISH, FINISHED }

    private final H264Limits limits;
    private final ParameterSets sets;
    private final BitReader reader = Rbsp.reader(ByteBuffer.allocate(0), 0, 0, 0, "slice_header", SliceHeader.SPEC);
    private final BitReader seiReader = Rbsp.reader(ByteBuffer.allocate(0), 0, 0, 0, "sei", SeiMessage.SPEC);
    private FirstSliceFields current = new FirstSliceFields();
    private FirstSliceFields previous = new FirstSliceFields();
    private State state = State.PUSH_OR_FINISH;
    private boolean hasPrevious;
    private int nalCount;
    private boolean seenVcl;
    private boolean keyframe;
    private boolean idr;
    /** True while the completed* fields describe the access unit the last call handed out. */
    private boolean hasCompleted;
    private int completedNalCount;
    private boolean completedKeyframe;
    private boolean completedIdr;

    /** A splitter with its own {@link ParameterSets} and {@link H264Limits#defaults()}. */
    public AccessUnitSplitter() {
        this(new ParameterSets(), H264Limits.defaults());
    }

    /** A splitter with its own {@link ParameterSets}. */
    public AccessUnitSplitter(H264Limits limits) {
        this(new ParameterSets(), limits);
    }

    /**
     * A splitter that reads and fills {@code sets}: slices may refer to the parameter sets already
     * in it, and the SPS and PPS NAL units pushed are added to it.
     *
     * @param sets the stream's parameter sets, shared with the caller
     * @param limits the limits to apply
     */
    public AccessUnitSplitter(ParameterSets sets, H264Limits limits) {
        this.sets = Objects.requireNonNull(sets, "sets");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * A splitter with its own {@link ParameterSets}, starting with the SPSs and PPSs of an AVC
     * decoder configuration record (the {@code avcC} box or RTMP/FLV AVC sequence header,
     * ISO/IEC 14496-15 §5.3.3.1), as {@link #accept(AvcDecoderConfigurationRecord)}.
     *
     * @param config the decoder configuration whose parameter sets the stream's slices refer to
     * @param limits the limits to apply
     * @throws H264Exception if a parameter set of the record is malformed
     * @throws io.streamwire.core.TruncatedInputException if one ends before its syntax does
     * @since 0.1.0
     */
    public AccessUnitSplitter(AvcDecoderConfigurationRecord config, H264Limits limits) {
        this(new ParameterSets(), limits);
        accept(config);
    }

    /**
     * Adds the SPSs, then the PPSs, of an AVC decoder configuration record to the parameter sets
     * (replacing those with the same ids), e.g. when an RTMP stream sends a new sequence header.
     * Offsets in exceptions count from the start of the record as written by
     * {@link AvcDecoderConfigurationRecord#writeTo}.
     *
     * @implNote Like ffmpeg, a NAL unit of the record is taken for what its nal_unit_type says: an
     *     SPS in the PPS list still counts as an SPS, other types and empty entries are ignored.
     * @param config the decoder configuration record
     * @throws H264Exception if a parameter set of the record is malformed (the splitter keeps the
     *     ones before it)
     * @throws io.streamwire.core.TruncatedInputException if one ends before its syntax does
     * @since 0.1.0
     */
    public void accept(AvcDecoderConfigurationRecord config) {
        Objects.requireNonNull(config, "config");
        long offset = 6; // configurationVersion .. numOfSequenceParameterSets
        for (ByteBuffer nal : config.sequenceParameterSets()) {
            offset += 2; // sequenceParameterSetLength
            sets.accept(nal, offset);
            offset += nal.remaining();
        }
        offset += 1; // numOfPictureParameterSets
        for (ByteBuffer nal : config.pictureParameterSets()) {
            offset += 2; // pictureParameterSetLength
            sets.accept(nal, offset);
            offset += nal.remaining();
        }
    }

    /** The parameter sets seen so far (given to the constructor or learnt from the NAL units). */
    public ParameterSets parameterSets() {
        return sets;
    }

    /**
     * Takes the next NAL unit, {@code nal[position, limit)}; the position is unchanged.
     *
     * @param offset stream offset of the NAL unit's header byte, for errors
     * @return true if this NAL unit begins a new access unit and so completes the one before it,
     *     which {@link #completedNalUnitCount()}, {@link #completedIsKeyframe()} and
     *     {@link #completedIsIdr()} then describe until the next call; false otherwise, in particular
     *     for the first NAL unit after construction or {@link #reset()} (it begins an access unit
     *     but completes none)
     * @throws IllegalStateException after {@link #finish()} until {@link #reset()}
     * @throws IllegalArgumentException if the NAL unit is empty
     * @throws H264Exception if a slice refers to a PPS (or a PPS to an SPS) not seen, or a parameter
     *     set, SEI or slice header is malformed
     * @throws LimitExceededException if the access unit gets more than
     *     {@link H264Limits#maxNalUnitsPerAccessUnit()} NAL units
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
        hasCompleted = false;
        if (to <= from) {
            throw new IllegalArgumentException("empty NAL unit");
        }
        int header = buf.get(from) & 0xFF;
        int type = header & 0x1F;
        boolean starts;
        boolean recovery = false;
        switch (type) {
            case NalUnitHeader.TYPE_AUD:
                starts = nalCount > 0;
                break;
            case NalUnitHeader.TYPE_SPS:
            case NalUnitHeader.TYPE_PPS:
                starts = seenVcl;
                sets.acceptRange(buf, from, to, offset);
                break;
            case NalUnitHeader.TYPE_SEI:
                starts = seenVcl;
                recovery = hasRecoveryPoint(buf, from, to, offset);
                break;
            case 14: case 15: case 16: case 17: case 18:
                starts = seenVcl;
                break;
            case NalUnitHeader.TYPE_SLICE:
            case 2:
            case NalUnitHeader.TYPE_IDR: {
                reader.reset(buf, from + 1, to, offset + 1);
                current.read(reader, type, header >>> 5 & 3, sets);
                if (current.redundantPicCnt > 0) {
                    starts = false;
                } else {
                    starts = seenVcl && (!hasPrevious || current.startsNewPicture(previous));
                    FirstSliceFields t = previous;
                    previous = current;
                    current = t;
                    hasPrevious = true;
                }
                break;
            }
            default:
                starts = false;
        }
        if (nalCount > 0 && starts) {
            complete();
        }
        if (++nalCount > limits.maxNalUnitsPerAccessUnit()) {
            throw new LimitExceededException(H264Exception.MODULE, "access_unit", "H264Limits.maxNalUnitsPerAccessUnit()",
                    limits.maxNalUnitsPerAccessUnit(), nalCount, offset);
        }
        if (type == NalUnitHeader.TYPE_SLICE || type == 2 || type == NalUnitHeader.TYPE_IDR) {
            seenVcl = true;
            if (type == NalUnitHeader.TYPE_IDR) {
                idr = true;
                keyframe = true;
            }
        }
        if (recovery) {
            keyframe = true;
        }
        return hasCompleted;
    }

    private boolean hasRecoveryPoint(ByteBuffer buf, int from, int to, long offset) {
        BitReader r = seiReader;
        r.reset(buf, from + 1, to, offset + 1);
        while (r.moreRbspData()) {
            long type = 0; // long: 0xFF bytes without end must not wrap around to a known type
            int b;
            do {
                b = r.u(8, "payloadType");
                type += b;
            } while (b == 0xFF);
            long size = 0;
            do {
                b = r.u(8, "payloadSize");
                size += b;
            } while (b == 0xFF);
            if (type == SeiMessage.RECOVERY_POINT) {
                return true;
            }
            if (size > limits.maxSeiPayloadSize()) {
                throw new LimitExceededException(H264Exception.MODULE, "sei payloadSize",
                        "H264Limits.maxSeiPayloadSize()", limits.maxSeiPayloadSize(), size, r.offset());
            }
            for (long i = 0; i < size; i++) {
                r.u(8, "sei_payload");
            }
        }
        return false;
    }

    /**
     * Ends the stream: the access unit in progress is complete, and the {@code completed*}
     * accessors describe it until the next call. Later {@link #push} calls throw
     * {@link IllegalStateException} until {@link #reset()}; a second {@code finish} does nothing and
     * returns false.
     *
     * @return true if an access unit was in progress (it is now the completed one), false if none
     *     was or the stream had already ended
     */
    public boolean finish() {
        hasCompleted = false;
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

    /**
     * Starts a new stream: forgets the access unit in progress (without completing it), the slice
     * that preceded it and a {@link #finish()}. The parameter sets are kept.
     *
     * @since 0.1.0
     */
    public void reset() {
        state = State.PUSH_OR_FINISH;
        hasCompleted = false;
        hasPrevious = false;
        nalCount = 0;
        seenVcl = false;
        keyframe = false;
        idr = false;
    }

    /** The access unit in progress becomes the completed one; a new one starts empty. */
    private void complete() {
        hasCompleted = true;
        completedNalCount = nalCount;
        completedKeyframe = keyframe;
        completedIdr = idr;
        nalCount = 0;
        seenVcl = false;
        keyframe = false;
        idr = false;
    }

    private void requireCompleted() {
        if (!hasCompleted) {
            throw new IllegalStateException("no access unit was completed by the last call: each completed access unit "
                    + "is described only after the push or finish call that returned true, until the next call");
        }
    }

    /**
     * NAL units in the access unit completed by the last call.
     *
     * @throws IllegalStateException unless the last {@link #push} or {@link #finish()} returned true
     */
    public int completedNalUnitCount() {
        requireCompleted();
        return completedNalCount;
    }

    /**
     * Whether that access unit holds an IDR slice or a recovery point SEI.
     *
     * @throws IllegalStateException unless the last {@link #push} or {@link #finish()} returned true
     */
    public boolean completedIsKeyframe() {
        requireCompleted();
        return completedKeyframe;
    }

    /**
     * Whether that access unit holds an IDR picture.
     *
     * @throws IllegalStateException unless the last {@link #push} or {@link #finish()} returned true
     */
    public boolean completedIsIdr() {
        requireCompleted();
        return completedIdr;
    }
}

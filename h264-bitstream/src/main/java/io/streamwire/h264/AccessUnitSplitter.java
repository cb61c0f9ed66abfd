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
 * <p>Errors: a slice naming an unknown PPS, or a malformed parameter set or slice header, raises
 * {@link H264Exception} (core's {@link io.streamwire.core.TruncatedInputException} when one ends
 * early); more than {@link H264Limits#maxNalUnitsPerAccessUnit()} NAL units in one access unit
 * raises core's {@link LimitExceededException}. All of them carry module {@code "h264"}.
 *
 * <p>Not thread-safe: keep one per stream.
 *
 * @since 0.1.0
 */
public final class AccessUnitSplitter {
    private final H264Limits limits;
    private final ParameterSets sets;
    private final BitReader reader = Rbsp.reader(ByteBuffer.allocate(0), 0, 0, 0, "slice_header", SliceHeader.SPEC);
    private final BitReader seiReader = Rbsp.reader(ByteBuffer.allocate(0), 0, 0, 0, "sei", SeiMessage.SPEC);
    private FirstSliceFields current = new FirstSliceFields();
    private FirstSliceFields previous = new FirstSliceFields();
    private boolean hasPrevious;
    private int nalCount;
    private boolean seenVcl;
    private boolean keyframe;
    private boolean idr;
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

    /** A splitter that reads and fills {@code sets}. */
    public AccessUnitSplitter(ParameterSets sets, H264Limits limits) {
        this.sets = Objects.requireNonNull(sets, "sets");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The parameter sets seen so far. */
    public ParameterSets parameterSets() {
        return sets;
    }

    /**
     * Takes the next NAL unit, {@code nal[position, limit)}; the position is unchanged.
     *
     * @return true if it begins a new access unit (always for the first NAL unit); the access unit it
     *     ends is then described by {@link #completedNalUnitCount()} and {@link #completedIsKeyframe()}
     */
    public boolean push(ByteBuffer nal, long offset) {
        return push(nal, nal.position(), nal.limit(), offset);
    }

    /** {@link #push(ByteBuffer, long)} for {@code buf[from, to)}, allocation-free. */
    public boolean push(ByteBuffer buf, int from, int to, long offset) {
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
        if (nalCount == 0) {
            starts = true;
        } else if (starts) {
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
        return starts;
    }

    private boolean hasRecoveryPoint(ByteBuffer buf, int from, int to, long offset) {
        BitReader r = seiReader;
        r.reset(buf, from + 1, to, offset + 1);
        while (r.moreRbspData()) {
            int type = 0;
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
     * Ends the stream: the access unit in progress is complete. Returns false if there was none.
     * Afterwards the splitter starts a new stream (parameter sets are kept).
     */
    public boolean finish() {
        if (nalCount == 0) {
            return false;
        }
        complete();
        hasPrevious = false;
        return true;
    }

    /** The access unit in progress becomes the completed one; a new one starts empty. */
    private void complete() {
        completedNalCount = nalCount;
        completedKeyframe = keyframe;
        completedIdr = idr;
        nalCount = 0;
        seenVcl = false;
        keyframe = false;
        idr = false;
    }

    /** NAL units in the access unit the last boundary (or {@link #finish()}) completed. */
    public int completedNalUnitCount() {
        return completedNalCount;
    }

    /** Whether that access unit holds an IDR slice or a recovery point SEI. */
    public boolean completedIsKeyframe() {
        return completedKeyframe;
    }

    /** Whether that access unit holds an IDR picture. */
    public boolean completedIsIdr() {
        return completedIdr;
    }
}

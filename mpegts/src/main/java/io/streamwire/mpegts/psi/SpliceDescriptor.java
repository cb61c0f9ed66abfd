package io.streamwire.mpegts.psi;

import io.streamwire.core.internal.BigEndian;
import io.streamwire.mpegts.TsException;
import java.nio.ByteBuffer;

/**
 * splice_descriptor(): ANSI/SCTE 35 2022 §10.2, kept raw, with the segmentation_descriptor (§10.3.3,
 * tag 0x02) typed through {@link #segmentation()}.
 *
 * <pre>
 * splice_descriptor_tag(8) descriptor_length(8) identifier(32) private_byte(8 × (descriptor_length − 4))
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param tag splice_descriptor_tag
 * @param identifier identifier, 32 bits (0x43554549 "CUEI")
 * @param body the bytes after identifier (read-only)
 *
 * @since 0.1.0
 */
public record SpliceDescriptor(int tag, int identifier, ByteBuffer body) {
    /** segmentation_descriptor tag. */
    public static final int TAG_SEGMENTATION = 0x02;
    /** "CUEI". */
    public static final int CUEI = 0x43554549;

    /** Read-only copy. */
    public SpliceDescriptor {
        if (tag >>> 8 != 0 || body.remaining() > 251) {
            throw new IllegalArgumentException("splice descriptor tag " + tag + " length " + body.remaining());
        }
        body = body.slice().asReadOnlyBuffer();
    }

    /**
     * segmentation_descriptor() fields.
     *
     * @param segmentationEventId segmentation_event_id, 32 bits
     * @param segmentationEventCancelIndicator segmentation_event_cancel_indicator
     * @param programSegmentationFlag program_segmentation_flag
     * @param segmentationDuration segmentation_duration (40 bits, 90 kHz) or -1
     * @param deliveryRestrictions delivery_not_restricted_flag and the 5 restriction bits, 6 bits
     * @param segmentationUpidType segmentation_upid_type
     * @param segmentationUpid segmentation_upid bytes
     * @param segmentationTypeId segmentation_type_id
     * @param segmentNum segment_num
     * @param segmentsExpected segments_expected
     */
    public record Segmentation(long segmentationEventId, boolean segmentationEventCancelIndicator,
            boolean programSegmentationFlag, long segmentationDuration, int deliveryRestrictions, int segmentationUpidType,
            ByteBuffer segmentationUpid, int segmentationTypeId, int segmentNum, int segmentsExpected) {}

    /**
     * The segmentation_descriptor fields, or null when this is another descriptor.
     *
     * @throws TsException if the descriptor is too short for its flags
     */
    public Segmentation segmentation() {
        if (tag != TAG_SEGMENTATION || identifier != CUEI) {
            return null;
        }
        ByteBuffer b = body;
        int n = b.remaining();
        need(n >= 5, 0);
        long id = BigEndian.getInt(b, 0) & 0xFFFFFFFFL;
        boolean cancel = (b.get(4) & 0x80) != 0;
        if (cancel) {
            return new Segmentation(id, true, false, -1, 0, 0, ByteBuffer.allocate(0), 0, 0, 0);
        }
        need(n >= 6, 5);
        int f = b.get(5) & 0xFF;
        boolean program = (f & 0x80) != 0;
        boolean hasDuration = (f & 0x40) != 0;
        int restrictions = f & 0x3F;
        int i = 6;
        if (!program) {
            need(n >= i + 1, i);
            int count = b.get(i) & 0xFF;
            i += 1 + 6 * count;
        }
        long duration = -1;
        if (hasDuration) {
            need(n >= i + 5, i);
            duration = ((b.get(i) & 0xFFL) << 32) | (BigEndian.getInt(b, i + 1) & 0xFFFFFFFFL);
            i += 5;
        }
        need(n >= i + 2, i);
        int upidType = b.get(i) & 0xFF;
        int upidLength = b.get(i + 1) & 0xFF;
        i += 2;
        need(n >= i + upidLength + 3, i);
        ByteBuffer upid = b.slice(i, upidLength);
        i += upidLength;
        return new Segmentation(id, false, program, duration, restrictions, upidType, upid, b.get(i) & 0xFF,
                b.get(i + 1) & 0xFF, b.get(i + 2) & 0xFF);
    }

    private static void need(boolean ok, int at) {
        if (!ok) {
            throw new TsException("segmentation_descriptor", "too short at body byte " + at, -1, "ANSI/SCTE 35 2022 §10.3.3");
        }
    }
}

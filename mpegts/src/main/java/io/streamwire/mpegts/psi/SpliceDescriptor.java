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

    /** Bytes before the body: splice_descriptor_tag, descriptor_length, identifier. */
    private static final int BODY_OFFSET = 6;
    private static final String SEGMENTATION_SPEC = "ANSI/SCTE 35 2022 §10.3.3";

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
     * <p>The record is detached from its section, so the offsets of the exceptions count from this
     * descriptor's splice_descriptor_tag (0), which is 6 bytes before {@link #body()}: add the
     * descriptor's position in the section or stream to place them there.
     *
     * @throws TsException if a field the flags announce runs past descriptor_length (the exception
     *     names that field: segmentation_event_id, segmentation_event_cancel_indicator,
     *     program_segmentation_flag, component_count, segmentation_duration, segmentation_upid_type,
     *     segmentation_upid_length, segmentation_type_id, segment_num, segments_expected)
     */
    public Segmentation segmentation() {
        if (tag != TAG_SEGMENTATION || identifier != CUEI) {
            return null;
        }
        ByteBuffer b = body;
        int n = b.remaining();
        need(n, 0, 4, "segmentation_event_id");
        need(n, 4, 1, "segmentation_event_cancel_indicator");
        long id = BigEndian.getInt(b, 0) & 0xFFFFFFFFL;
        boolean cancel = (b.get(4) & 0x80) != 0;
        if (cancel) {
            return new Segmentation(id, true, false, -1, 0, 0, ByteBuffer.allocate(0), 0, 0, 0);
        }
        need(n, 5, 1, "program_segmentation_flag");
        int f = b.get(5) & 0xFF;
        boolean program = (f & 0x80) != 0;
        boolean hasDuration = (f & 0x40) != 0;
        int restrictions = f & 0x3F;
        int i = 6;
        if (!program) {
            need(n, i, 1, "component_count");
            int count = b.get(i) & 0xFF;
            needCounted(n, i, 1 + 6 * count, "component_count", count);
            i += 1 + 6 * count;
        }
        long duration = -1;
        if (hasDuration) {
            need(n, i, 5, "segmentation_duration");
            duration = ((b.get(i) & 0xFFL) << 32) | (BigEndian.getInt(b, i + 1) & 0xFFFFFFFFL);
            i += 5;
        }
        need(n, i, 1, "segmentation_upid_type");
        need(n, i + 1, 1, "segmentation_upid_length");
        int upidType = b.get(i) & 0xFF;
        int upidLength = b.get(i + 1) & 0xFF;
        i += 2;
        needCounted(n, i - 1, 1 + upidLength, "segmentation_upid_length", upidLength);
        ByteBuffer upid = b.slice(i, upidLength);
        i += upidLength;
        need(n, i, 1, "segmentation_type_id");
        need(n, i + 1, 1, "segment_num");
        need(n, i + 2, 1, "segments_expected");
        return new Segmentation(id, false, program, duration, restrictions, upidType, upid, b.get(i) & 0xFF,
                b.get(i + 1) & 0xFF, b.get(i + 2) & 0xFF);
    }

    /** Checks that the {@code size}-byte field at body index {@code at} lies inside the {@code n}-byte body. */
    private static void need(int n, int at, int size, String field) {
        if (at + size > n) {
            throw new TsException("segmentation_descriptor " + field, "runs past descriptor_length " + (n + 4),
                    BODY_OFFSET + at, SEGMENTATION_SPEC);
        }
    }

    /** As {@link #need}, for the {@code size} bytes a count or length field at body index {@code at} announces. */
    private static void needCounted(int n, int at, int size, String field, int value) {
        if (at + size > n) {
            throw new TsException("segmentation_descriptor " + field, value + " runs past descriptor_length " + (n + 4),
                    BODY_OFFSET + at, SEGMENTATION_SPEC);
        }
    }
}

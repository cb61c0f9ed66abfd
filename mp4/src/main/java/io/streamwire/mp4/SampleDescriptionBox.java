package io.streamwire.mp4;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Sample description box {@code stsd}, ISO/IEC 14496-12:2022 §8.5.2, a full box of version 0 (or 1):
 * <pre>
 * unsigned int(32) entry_count;
 * SampleEntry entries[entry_count];
 * </pre>
 * Entries of the types this module knows are {@link VisualSampleEntry} ({@code avc1}, {@code avc3},
 * {@code hvc1}, {@code hev1}, {@code av01}) and {@link AudioSampleEntry} ({@code mp4a}, {@code Opus});
 * others are raw boxes.
 *
 * @param version 0 or 1
 * @param flags 24 bits, 0
 * @param entries the sample entries; the sample_description_index of a sample is 1-based in this list
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record SampleDescriptionBox(int version, int flags, List<Box> entries) implements Box {
    /** Checks the components; copies the list. */
    public SampleDescriptionBox {
        Boxes.checkVersionFlags(version, 1, flags);
        entries = List.copyOf(entries);
    }

    /** A version-0 box holding {@code entries}. */
    public static SampleDescriptionBox of(Box... entries) {
        return new SampleDescriptionBox(0, 0, List.of(entries));
    }

    @Override
    public BoxType type() {
        return BoxType.STSD;
    }

    static SampleDescriptionBox parse(Payload p, int depth) {
        int version = p.u8("version");
        int flags = p.u24("flags");
        if (version > 1) {
            return null;
        }
        List<Box> entries = BoxParser.countedChildren(p, depth, true);
        return new SampleDescriptionBox(version, flags, entries);
    }

    @Override
    public int payloadSize() {
        return 8 + Boxes.sizeOf(entries);
    }

    @Override
    public void writePayload(ByteBuffer out) {
        Boxes.putCountedBoxes(out, version, flags, entries);
    }
}

package io.streamwire.mp4;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Data reference box {@code dref}, ISO/IEC 14496-12:2022 §8.7.2, a full box of version 0:
 * <pre>
 * unsigned int(32) entry_count;
 * DataEntryBox(entry_flags) data_entry[entry_count];   // 'url ', 'urn ', 'imdt', 'snim'
 * </pre>
 *
 * @param version 0
 * @param flags 24 bits, 0
 * @param entries the data entries ({@link DataEntryUrlBox} or raw boxes)
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record DataReferenceBox(int version, int flags, List<Box> entries) implements Box {
    /** One self-contained {@code url } entry. */
    public static final DataReferenceBox SELF_CONTAINED = new DataReferenceBox(0, 0, List.of(DataEntryUrlBox.SELF_CONTAINED));

    /** Checks the components; copies the list. */
    public DataReferenceBox {
        Boxes.checkVersionFlags(version, 0, flags);
        entries = List.copyOf(entries);
    }

    @Override
    public BoxType type() {
        return BoxType.DREF;
    }

    static DataReferenceBox parse(Payload p, int depth) {
        int version = p.u8("version");
        int flags = p.u24("flags");
        if (version != 0) {
            return null;
        }
        List<Box> entries = BoxParser.countedChildren(p, depth, false);
        return new DataReferenceBox(version, flags, entries);
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

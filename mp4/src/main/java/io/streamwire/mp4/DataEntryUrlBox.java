package io.streamwire.mp4;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Data entry URL box {@code url }, ISO/IEC 14496-12:2022 §8.7.2, a full box of version 0; flags bit 0
 * means "the media data is in this file" and no location follows:
 * <pre>
 * utf8string location;   // only when (flags &amp; 1) == 0
 * </pre>
 *
 * @param version 0
 * @param flags 24 bits; 1 = self-contained
 * @param location the URL, or null when self-contained
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record DataEntryUrlBox(int version, int flags, String location) implements Box {
    /** The self-contained entry every single-file writer uses. */
    public static final DataEntryUrlBox SELF_CONTAINED = new DataEntryUrlBox(0, 1, null);

    /** Checks the components. */
    public DataEntryUrlBox {
        Boxes.checkVersionFlags(version, 0, flags);
        Boxes.checkNoNul("location", location);
        if (((flags & 1) == 0) == (location == null)) {
            throw new IllegalArgumentException("a location goes with flags bit 0 clear, and only then");
        }
    }

    @Override
    public BoxType type() {
        return BoxType.URL;
    }

    static DataEntryUrlBox parse(Payload p) {
        int version = p.u8("version");
        int flags = p.u24("flags");
        if (version != 0) {
            return null;
        }
        return new DataEntryUrlBox(version, flags, (flags & 1) != 0 ? null : p.utf8z("location"));
    }

    @Override
    public int payloadSize() {
        return 4 + (location == null ? 0 : location.getBytes(StandardCharsets.UTF_8).length + 1);
    }

    @Override
    public void writePayload(ByteBuffer out) {
        Boxes.putVersionFlags(out, version, flags);
        if (location != null) {
            out.put(location.getBytes(StandardCharsets.UTF_8)).put((byte) 0);
        }
    }
}

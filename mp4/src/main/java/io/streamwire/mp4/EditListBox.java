package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Edit list box {@code elst}, ISO/IEC 14496-12:2022 §8.6.6, a full box of version 0 (32-bit) or 1 (64-bit):
 * <pre>
 * unsigned int(32) entry_count;
 * for (i = 0; i &lt; entry_count; i++) {
 *     unsigned int(32|64) edit_duration; int(32|64) media_time;
 *     int(16) media_rate_integer; int(16) media_rate_fraction = 0; }
 * </pre>
 *
 * @param version 0 or 1
 * @param flags 24 bits; 1 = repeat the edit list
 * @param entries the edits, in order
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record EditListBox(int version, int flags, List<Entry> entries) implements Box {
    /**
     * One edit.
     *
     * @param editDuration in movie timescale ticks
     * @param mediaTime start in media ticks, -1 for an empty edit
     * @param mediaRateInteger 1 normally, 0 for a dwell
     * @param mediaRateFraction 0
     * @since 0.2.0
     */
    public record Entry(long editDuration, long mediaTime, short mediaRateInteger, short mediaRateFraction) {}

    /** Checks the components; copies the list. */
    public EditListBox {
        Boxes.checkVersionFlags(version, 1, flags);
        entries = List.copyOf(entries);
        if (version == 0) {
            for (Entry e : entries) {
                Boxes.checkU32("edit_duration", e.editDuration());
                if (e.mediaTime() < Integer.MIN_VALUE || e.mediaTime() > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("media_time does not fit version 0: " + e.mediaTime());
                }
            }
        }
    }

    /**
     * The one-edit list that starts presentation at {@code mediaTime} (the first sample's composition
     * offset, so that its presentation time is 0), version 0 when the values fit.
     */
    public static EditListBox shift(long editDuration, long mediaTime) {
        boolean wide = editDuration > 0xFFFF_FFFFL || mediaTime > Integer.MAX_VALUE;
        return new EditListBox(wide ? 1 : 0, 0, List.of(new Entry(editDuration, mediaTime, (short) 1, (short) 0)));
    }

    @Override
    public BoxType type() {
        return BoxType.ELST;
    }

    static EditListBox parse(Payload p) {
        int version = p.u8("version");
        int flags = p.u24("flags");
        if (version > 1) {
            return null;
        }
        int n = p.entries(p.u32("entry_count"), version == 1 ? 20 : 12, "entry_count");
        List<Entry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long duration = p.u32or64(version, "edit_duration");
            long time = version == 1 ? p.i64("media_time") : p.i32("media_time");
            entries.add(new Entry(duration, time, (short) p.u16("media_rate_integer"), (short) p.u16("media_rate_fraction")));
        }
        return new EditListBox(version, flags, entries);
    }

    @Override
    public int payloadSize() {
        return 8 + (version == 1 ? 20 : 12) * entries.size();
    }

    @Override
    public void writePayload(ByteBuffer out) {
        Boxes.putVersionFlags(out, version, flags);
        BigEndian.putIntRelative(out, entries.size());
        for (Entry e : entries) {
            Boxes.putU32or64(out, version, e.editDuration());
            Boxes.putU32or64(out, version, e.mediaTime());
            BigEndian.putShortRelative(out, e.mediaRateInteger());
            BigEndian.putShortRelative(out, e.mediaRateFraction());
        }
    }
}

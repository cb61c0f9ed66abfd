package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Track header box {@code tkhd}, ISO/IEC 14496-12:2022 §8.3.2, a full box of version 0 or 1:
 * <pre>
 * uint(32|64) creation_time, modification_time; uint(32) track_ID; uint(32) reserved;
 * uint(32|64) duration; uint(32)[2] reserved; int(16) layer; int(16) alternate_group;
 * int(16) volume; uint(16) reserved; int(32)[9] matrix; uint(32) width; uint(32) height;
 * </pre>
 *
 * @param version 0 or 1
 * @param flags 24 bits: 1 track_enabled, 2 track_in_movie, 4 track_in_preview, 8 track_size_is_aspect_ratio
 * @param creationTime seconds since 1904-01-01 UTC
 * @param modificationTime seconds since 1904-01-01 UTC
 * @param trackId track_ID, 1..2^32-1 (0 is kept as read)
 * @param duration in movie timescale ticks
 * @param layer front-to-back order
 * @param alternateGroup alternate_group
 * @param volume 8.8, 0x0100 for audio, 0 otherwise
 * @param matrix the video transformation
 * @param width visual width, 16.16
 * @param height visual height, 16.16
 *
 * @implNote The reserved fields are read past and written as zeros.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record TrackHeaderBox(int version, int flags, long creationTime, long modificationTime, long trackId, long duration,
        short layer, short alternateGroup, short volume, Matrix matrix, int width, int height) implements Box {
    /** Checks the components. */
    public TrackHeaderBox {
        Boxes.checkVersionFlags(version, 1, flags);
        Objects.requireNonNull(matrix, "matrix");
        Boxes.checkU32("track_ID", trackId);
        if (version == 0) {
            Boxes.checkU32("creation_time", creationTime);
            Boxes.checkU32("modification_time", modificationTime);
            Boxes.checkU32("duration", duration);
        }
    }

    /**
     * A version-0 header, enabled and in the movie (flags 3), identity matrix, volume 1.0 for audio
     * (width and height 0) and 0 for video.
     *
     * @param widthPixels width in pixels (0 for audio)
     * @param heightPixels height in pixels (0 for audio)
     */
    public static TrackHeaderBox of(long trackId, long duration, boolean audio, int widthPixels, int heightPixels) {
        return new TrackHeaderBox(0, 3, 0, 0, trackId, duration, (short) 0, (short) (audio ? 1 : 0),
                (short) (audio ? 0x100 : 0), Matrix.IDENTITY, widthPixels << 16, heightPixels << 16);
    }

    @Override
    public BoxType type() {
        return BoxType.TKHD;
    }

    static TrackHeaderBox parse(Payload p) {
        int version = p.u8("version");
        int flags = p.u24("flags");
        if (version > 1) {
            return null;
        }
        long creation = p.u32or64(version, "creation_time");
        long modification = p.u32or64(version, "modification_time");
        long trackId = p.u32("track_ID");
        p.skip(4, "reserved");
        long duration = p.u32or64(version, "duration");
        p.skip(8, "reserved");
        short layer = (short) p.u16("layer");
        short group = (short) p.u16("alternate_group");
        short volume = (short) p.u16("volume");
        p.skip(2, "reserved");
        Matrix matrix = Matrix.parse(p);
        int width = p.i32("width");
        int height = p.i32("height");
        return new TrackHeaderBox(version, flags, creation, modification, trackId, duration, layer, group, volume,
                matrix, width, height);
    }

    @Override
    public int payloadSize() {
        return version == 1 ? 96 : 84;
    }

    @Override
    public void writePayload(ByteBuffer out) {
        Boxes.putVersionFlags(out, version, flags);
        Boxes.putU32or64(out, version, creationTime);
        Boxes.putU32or64(out, version, modificationTime);
        BigEndian.putIntRelative(out, (int) trackId);
        Boxes.putZeros(out, 4);
        Boxes.putU32or64(out, version, duration);
        Boxes.putZeros(out, 8);
        BigEndian.putShortRelative(out, layer);
        BigEndian.putShortRelative(out, alternateGroup);
        BigEndian.putShortRelative(out, volume);
        Boxes.putZeros(out, 2);
        matrix.writeTo(out);
        BigEndian.putIntRelative(out, width);
        BigEndian.putIntRelative(out, height);
    }
}

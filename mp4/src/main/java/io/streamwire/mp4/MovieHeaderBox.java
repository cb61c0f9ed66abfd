package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Movie header box {@code mvhd}, ISO/IEC 14496-12:2022 §8.2.2, a full box of version 0 (32-bit times)
 * or 1 (64-bit):
 * <pre>
 * uint(32|64) creation_time, modification_time; uint(32) timescale; uint(32|64) duration;
 * int(32) rate = 0x00010000; int(16) volume = 0x0100; bit(16) reserved; uint(32)[2] reserved;
 * int(32)[9] matrix; bit(32)[6] pre_defined; uint(32) next_track_ID;
 * </pre>
 *
 * @param version 0 or 1
 * @param flags 24 bits, 0
 * @param creationTime seconds since 1904-01-01 UTC
 * @param modificationTime seconds since 1904-01-01 UTC
 * @param timescale ticks per second, 0..2^32-1
 * @param duration in timescale ticks (all ones: unknown)
 * @param rate preferred rate, 16.16
 * @param volume preferred volume, 8.8
 * @param matrix the video transformation
 * @param nextTrackId next_track_ID
 *
 * @implNote The reserved and pre_defined fields are read past and written as zeros.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record MovieHeaderBox(int version, int flags, long creationTime, long modificationTime, long timescale,
        long duration, int rate, short volume, Matrix matrix, long nextTrackId) implements Box {
    /** Checks the components. */
    public MovieHeaderBox {
        Boxes.checkVersionFlags(version, 1, flags);
        Objects.requireNonNull(matrix, "matrix");
        Boxes.checkU32("timescale", timescale);
        Boxes.checkU32("next_track_ID", nextTrackId);
        if (version == 0) {
            Boxes.checkU32("creation_time", creationTime);
            Boxes.checkU32("modification_time", modificationTime);
            Boxes.checkU32("duration", duration);
        }
    }

    /** A version-0 header with rate 1.0, volume 1.0, identity matrix and zero times. */
    public static MovieHeaderBox of(long timescale, long duration, long nextTrackId) {
        return new MovieHeaderBox(0, 0, 0, 0, timescale, duration, 0x10000, (short) 0x100, Matrix.IDENTITY, nextTrackId);
    }

    @Override
    public BoxType type() {
        return BoxType.MVHD;
    }

    static MovieHeaderBox parse(Payload p) {
        int version = p.u8("version");
        int flags = p.u24("flags");
        if (version > 1) {
            return null;
        }
        long creation = p.u32or64(version, "creation_time");
        long modification = p.u32or64(version, "modification_time");
        long timescale = p.u32("timescale");
        long duration = p.u32or64(version, "duration");
        int rate = p.i32("rate");
        short volume = (short) p.u16("volume");
        p.skip(10, "reserved");
        Matrix matrix = Matrix.parse(p);
        p.skip(24, "pre_defined");
        long next = p.u32("next_track_ID");
        return new MovieHeaderBox(version, flags, creation, modification, timescale, duration, rate, volume, matrix, next);
    }

    @Override
    public int payloadSize() {
        return version == 1 ? 112 : 100;
    }

    @Override
    public void writePayload(ByteBuffer out) {
        Boxes.putVersionAndTimes(out, version, flags, creationTime, modificationTime, timescale, duration);
        BigEndian.putIntRelative(out, rate);
        BigEndian.putShortRelative(out, volume);
        Boxes.putZeros(out, 10);
        matrix.writeTo(out);
        Boxes.putZeros(out, 24);
        BigEndian.putIntRelative(out, (int) nextTrackId);
    }
}

package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * Producer reference time box {@code prft}, ISO/IEC 14496-12:2022 §8.16.5, a full box of version 0
 * (32-bit media time) or 1 (64-bit): ties a wall-clock instant to a media time.
 * <pre>
 * unsigned int(32) reference_track_ID; unsigned int(64) ntp_timestamp; unsigned int(32|64) media_time;
 * </pre>
 *
 * @param version 0 or 1
 * @param flags 24 bits: 0 = captured at encoder input, 8 = at encoder output, 24 = at the packager, …
 * @param referenceTrackId reference_track_ID
 * @param ntpTimestamp NTP time (RFC 5905 64-bit format)
 * @param mediaTime media_time of the same instant, in that track's ticks
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record ProducerReferenceTimeBox(int version, int flags, long referenceTrackId, long ntpTimestamp, long mediaTime)
        implements Box {
    /** Checks the components. */
    public ProducerReferenceTimeBox {
        Boxes.checkVersionFlags(version, 1, flags);
        Boxes.checkU32("reference_track_ID", referenceTrackId);
        if (version == 0) {
            Boxes.checkU32("media_time", mediaTime);
        }
    }

    @Override
    public BoxType type() {
        return BoxType.PRFT;
    }

    static ProducerReferenceTimeBox parse(Payload p) {
        int version = p.u8("version");
        int flags = p.u24("flags");
        if (version > 1) {
            return null;
        }
        return new ProducerReferenceTimeBox(version, flags, p.u32("reference_track_ID"), p.i64("ntp_timestamp"),
                p.u32or64(version, "media_time"));
    }

    @Override
    public int payloadSize() {
        return version == 1 ? 24 : 20;
    }

    @Override
    public void writePayload(ByteBuffer out) {
        Boxes.putVersionFlags(out, version, flags);
        BigEndian.putIntRelative(out, (int) referenceTrackId);
        BigEndian.putLongRelative(out, ntpTimestamp);
        Boxes.putU32or64(out, version, mediaTime);
    }
}

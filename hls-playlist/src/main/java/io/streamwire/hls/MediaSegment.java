package io.streamwire.hls;

import java.time.Instant;
import java.util.List;

/**
 * A media segment with the state in effect for it, RFC 8216bis §4.4.4 and §6.3.2: the tags before
 * its URI line, its media sequence number (§6.3.2), discontinuity sequence number (§6.2.2),
 * effective keys (§4.4.4.4), media initialization section (§4.4.4.5), resolved byte range
 * (§4.4.4.2), program date time (given or extrapolated from the last EXT-X-PROGRAM-DATE-TIME,
 * §4.4.4.6) and partial segments (§4.4.4.9).
 *
 * <p>Immutable and thread-safe.
 *
 * @param uri the URI line
 * @param duration the EXTINF duration as written, or null when the segment has no EXTINF
 * @param title the EXTINF title, empty when none
 * @param durationMicros the duration in microseconds (0 without EXTINF)
 * @param mediaSequenceNumber this segment's media sequence number
 * @param discontinuitySequence its discontinuity sequence number
 * @param discontinuity whether EXT-X-DISCONTINUITY precedes it
 * @param keys the EXT-X-KEYs in effect (one per KEYFORMAT); empty when not encrypted
 * @param map the EXT-X-MAP in effect, or null
 * @param byteRangeLength the sub-range length, or -1 for the whole resource
 * @param byteRangeOffset the sub-range offset with an implicit offset resolved, or -1
 * @param programDateTime the date-time of its first sample, or null when no EXT-X-PROGRAM-DATE-TIME precedes it
 * @param programDateTimeExplicit whether an EXT-X-PROGRAM-DATE-TIME tag is attached to this segment
 * @param gap whether EXT-X-GAP marks it missing
 * @param bitrate EXT-X-BITRATE in effect (kbit/s), or -1
 * @param parts its EXT-X-PART tags, in order
 * @param lines the lines from the one after the previous URI line up to and including this URI line;
 *     for the first segment, from the one after the last playlist-wide tag (EXTM3U, EXT-X-VERSION,
 *     EXT-X-TARGETDURATION, EXT-X-MEDIA-SEQUENCE, ...), so the playlist header is never part of a
 *     segment (since 0.2.0; it was before)
 * @since 0.1.0
 */
public record MediaSegment(String uri, String duration, String title, long durationMicros, long mediaSequenceNumber,
        long discontinuitySequence, boolean discontinuity, List<Key> keys, SegmentMap map, long byteRangeLength,
        long byteRangeOffset, Instant programDateTime, boolean programDateTimeExplicit, boolean gap, long bitrate,
        List<Part> parts, List<PlaylistLine> lines) {

    /** The duration in seconds. */
    public double durationSeconds() {
        return durationMicros / 1e6;
    }

    /** The effective key for KEYFORMAT "identity" (AES-128 or SAMPLE-AES), or null. */
    public Key key() {
        for (Key k : keys) {
            if ("identity".equals(k.keyFormat())) {
                return k;
            }
        }
        return keys.isEmpty() ? null : keys.get(0);
    }

    /** Whether a byte range applies. */
    public boolean hasByteRange() {
        return byteRangeLength >= 0;
    }
}

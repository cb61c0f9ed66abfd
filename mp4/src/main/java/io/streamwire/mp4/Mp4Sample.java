package io.streamwire.mp4;

import java.nio.ByteBuffer;

/**
 * One sample as the readers hand it out ({@link FragmentedMp4Reader}, {@link Mp4FileReader}): its
 * times on the presentation timeline (the track's edit list applied, ISO/IEC 14496-12:2022 §8.6.6,
 * as ffmpeg applies it), its size, sync flag, position and bytes.
 *
 * @param trackId track_ID of its track
 * @param decodeTime decoding time in the track's timescale, edit list applied (negative before the first presented sample)
 * @param presentationTime composition time in the track's timescale, edit list applied
 * @param duration sample duration in the track's timescale
 * @param size sample size in bytes
 * @param sync whether it is a sync sample (stss, or sample_is_non_sync_sample clear)
 * @param offset position of its first byte in the file (or in the stream of init and segments)
 * @param payload its bytes, a read-only view of the input (valid while the input is unchanged), or
 *     null when the reader was given only the moov
 *
 * <p>Immutable and thread-safe (the payload view is never written).
 *
 * @since 0.2.0
 */
public record Mp4Sample(long trackId, long decodeTime, long presentationTime, long duration, int size, boolean sync,
        long offset, ByteBuffer payload) {}

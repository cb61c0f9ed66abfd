package io.streamwire.h264;

/**
 * What went wrong in a recoverable problem that {@link AnnexBDecoder} reports as an
 * {@link io.streamwire.core.Anomaly}{@code <H264AnomalyKind>} to
 * {@link io.streamwire.core.DecoderListener#onAnomaly} and steps over. The anomaly's offset is the
 * stream offset of the first byte concerned; its detail gives the numbers.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public enum H264AnomalyKind {
    /**
     * The stream does not start with a start code: the bytes before the first {@code 00 00 01} are
     * not part of any NAL unit and are skipped (ITU-T H.264 (08/2021) §B.2 allows only
     * leading_zero_8bits there). Reported once per stream, at the first such byte.
     */
    BYTES_BEFORE_FIRST_START_CODE,
    /**
     * Three or more zero bytes inside a NAL unit not followed by a start code: §B.2 would end the
     * NAL unit there, but real streams carry such runs inside slices, so they are kept as data of
     * the NAL unit (see {@link AnnexBScanner}'s implementation note). Detail:
     * {@code "run of <n> zero bytes inside a NAL unit kept as data"}.
     */
    ZERO_RUN_IN_NAL_UNIT
}

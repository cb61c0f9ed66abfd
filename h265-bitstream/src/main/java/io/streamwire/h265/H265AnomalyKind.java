package io.streamwire.h265;

/**
 * What went wrong in a recoverable problem that {@link HevcAnnexBDecoder} reports as an
 * {@link io.streamwire.core.Anomaly}{@code <H265AnomalyKind>} to
 * {@link io.streamwire.core.DecoderListener#onAnomaly} and steps over. The anomaly's offset is the
 * stream offset of the first byte concerned; its detail gives the numbers.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public enum H265AnomalyKind {
    /**
     * The stream does not start with a start code: the bytes before the first {@code 00 00 01} are
     * not part of any NAL unit and are skipped (ITU-T H.265 (09/2023) §B.2 allows only
     * leading_zero_8bits there). Reported once per stream, at the first such byte.
     */
    BYTES_BEFORE_FIRST_START_CODE,
    /**
     * Three or more zero bytes inside a NAL unit not followed by a start code: §B.2 would end the
     * NAL unit there, but real streams carry such runs inside slice data, so they are kept as data of
     * the NAL unit (see {@link HevcAnnexBScanner}'s implementation note). Detail:
     * {@code "run of <n> zero bytes inside a NAL unit kept as data"}.
     */
    ZERO_RUN_IN_NAL_UNIT
}

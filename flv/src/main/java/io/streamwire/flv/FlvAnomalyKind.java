package io.streamwire.flv;

/**
 * What a recoverable problem in an FLV stream was: the kind of the
 * {@link io.streamwire.core.Anomaly anomalies} {@link FlvDecoder} reports to
 * {@link FlvDecoder.Listener#onAnomaly}. The anomaly's offset is the stream offset of the first
 * byte concerned; its detail gives the numbers, as described for each kind. In strict mode
 * ({@link FlvLimits#strict()}) the truncation kinds are thrown as
 * {@link io.streamwire.core.TruncatedInputException} instead, and implausible tag headers (which
 * lead to {@link #SKIPPED_BYTES}) as {@link FlvException}.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public enum FlvAnomalyKind {
    /**
     * Bytes skipped while resynchronising after an implausible tag header (TagType not 8, 9 or 18,
     * Reserved bits set, StreamID not 0), up to the next plausible tag whose PreviousTagSize closes
     * it, or to the end of the input. Offset: the first skipped byte; detail
     * {@code "<n> bytes skipped"}.
     */
    SKIPPED_BYTES,
    /**
     * A PreviousTagSize that does not equal 11 + DataSize of the tag before it (Adobe FLV/F4V v10.1
     * §E.3); the value is ignored. Offset: the PreviousTagSize field; detail
     * {@code "PreviousTagSize <found> (expected <11 + DataSize>)"}.
     */
    PREVIOUS_TAG_SIZE_MISMATCH,
    /**
     * The first PreviousTagSize (right after the file header, PreviousTagSize0) is not 0; the value
     * is ignored. Offset: the field; detail {@code "PreviousTagSize0 <found> (expected 0)"}.
     */
    PREVIOUS_TAG_SIZE_0_NOT_ZERO,
    /**
     * The input ended inside a tag (a recorder that crashed): the partial tag is dropped. Offset:
     * the tag's first byte; detail {@code "<present> of <11 + DataSize> bytes present"}.
     */
    TRUNCATED_TAG,
    /**
     * The input ended after a tag but inside its 4-byte PreviousTagSize (or inside the bytes up to
     * the file header's DataOffset). Offset: the field; detail {@code "<present> of 4 bytes present"}.
     * A file that ends right after a complete tag without any PreviousTagSize (Red5 recordings do)
     * is accepted without an anomaly.
     */
    TRUNCATED_PREVIOUS_TAG_SIZE
}

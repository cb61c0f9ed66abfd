package io.streamwire.aac;

/**
 * What went wrong in a recoverable {@link io.streamwire.core.Anomaly} that {@link AdtsDecoder} or
 * {@link LoasDecoder} reports to {@link io.streamwire.core.DecoderListener#onAnomaly}. The
 * anomaly's offset is the stream offset of the first byte concerned; its detail gives the byte count.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public enum AacAnomalyKind {
    /**
     * Bytes that were neither a confirmed frame nor a tag (ID3v2; in ADTS also an APEv2 tag with its
     * header, or an ID3v1 tag at the end) were skipped while hunting for sync
     * (garbage, a frame whose successor did not follow where its length said, a cut frame): the
     * whole run is reported once, when sync is found again or the input ends. Detail:
     * {@code "<n> bytes"}.
     */
    BYTES_DISCARDED,
    /**
     * A LOAS frame (ISO/IEC 14496-3 §1.7.2) was skipped because it uses the StreamMuxConfig of an
     * earlier frame (useSameStreamMux 1) and none was received yet, as when joining a broadcast.
     * Detail: {@code "<n> bytes"}, the LOAS frame's length.
     */
    LATM_NO_CONFIG
}

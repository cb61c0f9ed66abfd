package io.streamwire.core.internal;

import io.streamwire.core.Anomaly;
import io.streamwire.core.DecoderListener;

/**
 * The half of an {@link AnnexBFramer.Sink} that is the same in every codec module: the framer's two
 * anomalies reported to the module's listener as the module's own kinds, with one wording. A module's
 * decoder extends it with the three NAL unit events of its listener.
 *
 * <p>Exported to Streamwire modules only; not public API. Not thread-safe, like its decoder.
 *
 * @param <K> the module's anomaly kind enum
 */
public abstract class AnnexBSink<K extends Enum<K>> implements AnnexBFramer.Sink {
    private final DecoderListener<K> listener;
    private final K bytesBeforeFirstStartCode;
    private final K zeroRunInNalUnit;

    /**
     * @param listener the module decoder's listener, which receives the anomalies
     * @param bytesBeforeFirstStartCode the module's kind for bytes skipped before the first start code
     * @param zeroRunInNalUnit the module's kind for a run of zero bytes kept inside a NAL unit
     */
    protected AnnexBSink(DecoderListener<K> listener, K bytesBeforeFirstStartCode, K zeroRunInNalUnit) {
        this.listener = listener;
        this.bytesBeforeFirstStartCode = bytesBeforeFirstStartCode;
        this.zeroRunInNalUnit = zeroRunInNalUnit;
    }

    @Override
    public final void onBytesBeforeFirstStartCode(long offset) {
        listener.onAnomaly(new Anomaly<>(bytesBeforeFirstStartCode, offset, "bytes before the first start code skipped"));
    }

    @Override
    public final void onZeroRun(long length, long offset) {
        listener.onAnomaly(new Anomaly<>(zeroRunInNalUnit, offset, "run of " + length + " zero bytes inside a NAL unit kept as data"));
    }
}

package io.streamwire.core;

/**
 * What every stream decoder's {@code Listener} extends: a place for {@link Anomaly anomalies}. Each
 * decoder's own {@code Listener} (nested in it, e.g. {@code FlvDecoder.Listener}) adds the events of
 * its format. Every method has a default except, where a decoder has one, its main event (so that
 * a lambda can be the listener); a caller implements only what it wants.
 *
 * <p>Listeners are called on the thread that calls {@code feed}, inside that call. An exception
 * thrown by a listener propagates out of {@code feed} unchanged and fails the decoder (see
 * {@link StreamDecoder}).
 *
 * @param <K> the module's anomaly kind enum
 * @since 0.1.0
 */
public interface DecoderListener<K extends Enum<K>> {
    /** A recoverable problem; decoding goes on. Does nothing by default. */
    default void onAnomaly(Anomaly<K> anomaly) {}
}

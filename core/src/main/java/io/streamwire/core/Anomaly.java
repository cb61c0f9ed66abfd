package io.streamwire.core;

import java.util.Objects;

/**
 * A recoverable problem in the input: the decoder reports it to its listener's
 * {@link DecoderListener#onAnomaly onAnomaly} and goes on. Anomalies are never logged.
 *
 * <p>Every module reports this one shape; the kinds are an enum per module
 * ({@code FlvAnomalyKind}, {@code TsAnomalyKind}, …) whose constants document what is skipped or
 * kept.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <K> the module's kind enum
 * @param kind what happened
 * @param offset stream offset of the first byte concerned (counted from the start of the stream
 *     or the last {@code reset()})
 * @param detail the numbers that go with it, for a person, e.g. {@code "pid 0x0100: expected 5, got 7"}
 * @since 0.1.0
 */
public record Anomaly<K extends Enum<K>>(K kind, long offset, String detail) {
    /** Checks the components. */
    public Anomaly {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }
}

package io.streamwire.aac;

/**
 * A non-fatal problem a decoder found and recovered from, reported to its listener, never logged.
 *
 * @param kind what happened
 * @param offset byte offset from the start of the stream where it happened
 * @param byteCount bytes concerned (for {@link Kind#BYTES_DISCARDED}: how many were skipped)
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record AacAnomaly(Kind kind, long offset, long byteCount) {

    /** Kinds of anomaly. */
    public enum Kind {
        /**
         * Bytes that were neither a confirmed frame nor an ID3v2 tag were skipped while hunting for
         * sync (garbage, a frame whose successor did not follow where its length said, a cut frame).
         */
        BYTES_DISCARDED,
        /** A LOAS frame was skipped because it used a StreamMuxConfig that was never received. */
        LATM_NO_CONFIG
    }

    /** Checks the arguments. */
    public AacAnomaly {
        java.util.Objects.requireNonNull(kind, "kind");
        if (offset < 0 || byteCount < 0) {
            throw new IllegalArgumentException("negative offset or byteCount");
        }
    }
}

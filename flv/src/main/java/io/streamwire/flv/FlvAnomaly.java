package io.streamwire.flv;

/**
 * A non-fatal problem the {@link FlvDecoder} met and worked around, reported to
 * {@link FlvDecoder.Listener#onAnomaly}.
 *
 * @param kind what happened
 * @param offset stream offset where it happened
 * @param length bytes concerned: skipped bytes, bytes present of a truncated tag, or the
 *     PreviousTagSize found
 * @param expected what was expected: the PreviousTagSize or the full tag size, otherwise 0
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record FlvAnomaly(Kind kind, long offset, long length, long expected) {
    /** Kinds of anomaly. */
    public enum Kind {
        /** Bytes skipped while resynchronising after an implausible tag header ({@code length}). */
        SKIPPED_BYTES,
        /** A PreviousTagSize that does not equal 11 + DataSize of the tag before it. */
        PREVIOUS_TAG_SIZE_MISMATCH,
        /** The first PreviousTagSize (after the header) is not 0. */
        PREVIOUS_TAG_SIZE_0_NOT_ZERO,
        /** The input ended inside a tag ({@code length} of {@code expected} bytes present). */
        TRUNCATED_TAG,
        /** The input ended after a tag but inside its PreviousTagSize. */
        TRUNCATED_PREVIOUS_TAG_SIZE
    }
}

package io.streamwire.mp4;

/**
 * Recoverable problems {@link Mp4BoxDecoder} reports to {@code onAnomaly} and steps over.
 *
 * @since 0.2.0
 */
public enum Mp4AnomalyKind {
    /**
     * A box with size 0 ("extends to the end of the file", ISO/IEC 14496-12:2022 §4.2) inside a
     * container: it is taken to extend to the end of its parent, as ffmpeg does, and decoding goes on
     * after the parent.
     */
    SIZE_ZERO_IN_CONTAINER
}

package io.streamwire.mp4;

/**
 * Hard limits for everything in this module that the input sizes; each is checked before the
 * allocation or loop it would size.
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>setting</th><th>default</th><th>why</th></tr>
 *   <tr><td>{@link #maxBoxSize()}</td><td>64 MiB</td><td>the largest box held in memory whole
 *       (a {@code moov} of a 24-hour recording with 2 tracks is about 20 MB; a CMAF fragment's
 *       {@code mdat} a few MB); larger boxes ({@code mdat} of a file) are streamed in fragments or
 *       skipped, never buffered</td></tr>
 *   <tr><td>{@link #maxDepth()}</td><td>16</td><td>the deepest path in use is
 *       {@code moov/trak/mdia/minf/stbl/stsd/avc1/avcC} (8 levels); {@code meta} inside
 *       {@code udta} of a track reaches 10</td></tr>
 *   <tr><td>{@link #maxSamplesPerFragment()}</td><td>65,536</td><td>a 10 s CMAF fragment of
 *       192 kHz PCM in 1,024-sample frames has 1,875; 60 fps video for 10 minutes has 36,000</td></tr>
 *   <tr><td>{@link #maxEntriesPerTable()}</td><td>16,777,216</td><td>one entry per sample of a
 *       24-hour 60 fps track is 5.2 M; a table past this size is a corrupt count</td></tr>
 * </table>
 *
 * @param maxBoxSize the largest box delivered or parsed whole, header included, in bytes, 8..2^31-9
 * @param maxDepth the most nested boxes (a top-level box has depth 1), 1..1024
 * @param maxSamplesPerFragment the most samples in one track run ({@code trun sample_count}) and in
 *     one fragment a writer builds, 1..2^31-1
 * @param maxEntriesPerTable the most entries in a sample table ({@code stts}, {@code ctts},
 *     {@code stss}, {@code stsz}, {@code stsc}, {@code stco}, {@code co64}, {@code elst}) or list
 *     ({@code stsd}, {@code dref}, brands), 1..2^31-1
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record Mp4Limits(int maxBoxSize, int maxDepth, int maxSamplesPerFragment, int maxEntriesPerTable) {
    /** 64 MiB. */
    public static final int DEFAULT_MAX_BOX_SIZE = 64 << 20;
    /** 16. */
    public static final int DEFAULT_MAX_DEPTH = 16;
    /** 65,536. */
    public static final int DEFAULT_MAX_SAMPLES_PER_FRAGMENT = 65_536;
    /** 16,777,216. */
    public static final int DEFAULT_MAX_ENTRIES_PER_TABLE = 1 << 24;

    private static final Mp4Limits DEFAULTS = new Mp4Limits(DEFAULT_MAX_BOX_SIZE, DEFAULT_MAX_DEPTH,
            DEFAULT_MAX_SAMPLES_PER_FRAGMENT, DEFAULT_MAX_ENTRIES_PER_TABLE);

    /** Checks ranges. */
    public Mp4Limits {
        if (maxBoxSize < 8 || maxBoxSize > Integer.MAX_VALUE - 8 || maxDepth < 1 || maxDepth > 1024
                || maxSamplesPerFragment < 1 || maxEntriesPerTable < 1) {
            throw new IllegalArgumentException("limits out of range: " + maxBoxSize + ", " + maxDepth + ", "
                    + maxSamplesPerFragment + ", " + maxEntriesPerTable);
        }
    }

    /** The defaults listed in the class table. */
    public static Mp4Limits defaults() {
        return DEFAULTS;
    }

    /** A copy with another {@link #maxBoxSize()}. */
    public Mp4Limits withMaxBoxSize(int value) {
        return new Mp4Limits(value, maxDepth, maxSamplesPerFragment, maxEntriesPerTable);
    }

    /** A copy with another {@link #maxDepth()}. */
    public Mp4Limits withMaxDepth(int value) {
        return new Mp4Limits(maxBoxSize, value, maxSamplesPerFragment, maxEntriesPerTable);
    }

    /** A copy with another {@link #maxSamplesPerFragment()}. */
    public Mp4Limits withMaxSamplesPerFragment(int value) {
        return new Mp4Limits(maxBoxSize, maxDepth, value, maxEntriesPerTable);
    }

    /** A copy with another {@link #maxEntriesPerTable()}. */
    public Mp4Limits withMaxEntriesPerTable(int value) {
        return new Mp4Limits(maxBoxSize, maxDepth, maxSamplesPerFragment, value);
    }
}

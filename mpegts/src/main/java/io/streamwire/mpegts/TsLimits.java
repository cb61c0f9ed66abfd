package io.streamwire.mpegts;

/**
 * Hard limits applied by the demuxer and the PSI/PES parsers, checked before anything is allocated.
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>setting</th><th>default</th><th>spec maximum</th><th>why</th></tr>
 *   <tr><td>{@link #maxPesSize()}</td><td>8 MiB</td><td>unbounded for video</td>
 *       <td>largest PES reassembled on request; a 4K intra frame is 1-3 MB</td></tr>
 *   <tr><td>{@link #maxPids()}</td><td>256</td><td>8192</td>
 *       <td>PIDs tracked with state (PSI, PES, continuity); a DVB multiplex uses fewer than 100</td></tr>
 *   <tr><td>{@link #maxSectionLength()}</td><td>4093</td><td>1021 (PSI), 4093 (private)</td>
 *       <td>section_length accepted by the section assembler</td></tr>
 *   <tr><td>{@link #maxPrograms()}</td><td>64</td><td>65535</td><td>programs listed in a PAT</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxPesSize largest PES payload reassembled, in bytes (1..2^30)
 * @param maxPids number of PIDs tracked (1..8192)
 * @param maxSectionLength largest section_length accepted (3..4093)
 * @param maxPrograms programs accepted from a PAT (1..65535)
 *
 * @since 0.1.0
 */
public record TsLimits(int maxPesSize, int maxPids, int maxSectionLength, int maxPrograms) {
    /** 8 MiB. */
    public static final int DEFAULT_MAX_PES_SIZE = 8 << 20;
    /** 256 PIDs. */
    public static final int DEFAULT_MAX_PIDS = 256;
    /** 4093, the private-section maximum. */
    public static final int DEFAULT_MAX_SECTION_LENGTH = 4093;
    /** 64 programs. */
    public static final int DEFAULT_MAX_PROGRAMS = 64;

    private static final TsLimits DEFAULTS = new TsLimits(DEFAULT_MAX_PES_SIZE, DEFAULT_MAX_PIDS,
            DEFAULT_MAX_SECTION_LENGTH, DEFAULT_MAX_PROGRAMS);

    /** Checks ranges. */
    public TsLimits {
        if (maxPesSize < 1 || maxPesSize > (1 << 30) || maxPids < 1 || maxPids > 8192 || maxSectionLength < 3
                || maxSectionLength > 4093 || maxPrograms < 1 || maxPrograms > 65535) {
            throw new IllegalArgumentException("TsLimits out of range: " + maxPesSize + ", " + maxPids + ", "
                    + maxSectionLength + ", " + maxPrograms);
        }
    }

    /** The defaults in the table above. */
    public static TsLimits defaults() {
        return DEFAULTS;
    }

    /** A copy with another {@link #maxPesSize()}. */
    public TsLimits withMaxPesSize(int value) {
        return new TsLimits(value, maxPids, maxSectionLength, maxPrograms);
    }

    /** A copy with another {@link #maxPids()}. */
    public TsLimits withMaxPids(int value) {
        return new TsLimits(maxPesSize, value, maxSectionLength, maxPrograms);
    }

    /** A copy with another {@link #maxSectionLength()}. */
    public TsLimits withMaxSectionLength(int value) {
        return new TsLimits(maxPesSize, maxPids, value, maxPrograms);
    }

    /** A copy with another {@link #maxPrograms()}. */
    public TsLimits withMaxPrograms(int value) {
        return new TsLimits(maxPesSize, maxPids, maxSectionLength, value);
    }
}

package io.streamwire.mp4;

/**
 * The 32-bit sample flags of track fragments, ISO/IEC 14496-12:2022 §8.8.3.1:
 * <pre>
 * bit(4) reserved = 0; unsigned int(2) is_leading; unsigned int(2) sample_depends_on;
 * unsigned int(2) sample_is_depended_on; unsigned int(2) sample_has_redundancy;
 * bit(3) sample_padding_value; bit(1) sample_is_non_sync_sample;
 * unsigned int(16) sample_degradation_priority;
 * </pre>
 *
 * <p>Thread-safe (static methods only).
 *
 * @since 0.2.0
 */
public final class SampleFlags {
    private SampleFlags() {}

    /** A sync sample that depends on no other (an IDR or key frame): sample_depends_on 2. */
    public static final int SYNC = 0x0200_0000;
    /** A non-sync sample that depends on others: sample_depends_on 1, sample_is_non_sync_sample 1. */
    public static final int NON_SYNC = 0x0101_0000;

    /** The flags with the given fields (each masked to its width). */
    public static int of(int isLeading, int dependsOn, int isDependedOn, int hasRedundancy, int paddingValue,
            boolean nonSync, int degradationPriority) {
        return (isLeading & 3) << 26 | (dependsOn & 3) << 24 | (isDependedOn & 3) << 22 | (hasRedundancy & 3) << 20
                | (paddingValue & 7) << 17 | (nonSync ? 1 << 16 : 0) | (degradationPriority & 0xFFFF);
    }

    /** is_leading. */
    public static int isLeading(int flags) {
        return flags >>> 26 & 3;
    }

    /** sample_depends_on: 0 unknown, 1 depends on others, 2 does not (an I picture). */
    public static int dependsOn(int flags) {
        return flags >>> 24 & 3;
    }

    /** sample_is_depended_on: 0 unknown, 1 others depend on it, 2 disposable. */
    public static int isDependedOn(int flags) {
        return flags >>> 22 & 3;
    }

    /** sample_has_redundancy. */
    public static int hasRedundancy(int flags) {
        return flags >>> 20 & 3;
    }

    /** sample_padding_value. */
    public static int paddingValue(int flags) {
        return flags >>> 17 & 7;
    }

    /** sample_is_non_sync_sample. */
    public static boolean isNonSync(int flags) {
        return (flags & 1 << 16) != 0;
    }

    /** sample_degradation_priority. */
    public static int degradationPriority(int flags) {
        return flags & 0xFFFF;
    }
}

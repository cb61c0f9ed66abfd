package io.streamwire.h265;

import java.util.Objects;

/**
 * The RFC 6381 {@code codecs} parameter of an HEVC track, as ISO/IEC 14496-15 (2022) Annex E.3
 * defines it: {@code <sampleEntry>.<profile>.<compat>.<tier><level>[.<constraint byte>]*}, for example
 * {@code "hvc1.1.6.L93.B0"} (Main, level 3.1) or {@code "hev1.2.4.H120.B0"} (Main 10, high tier, level 4).
 *
 * <ol>
 *   <li>the sample entry four-character code ({@code hvc1}, {@code hev1}, ...);</li>
 *   <li>general_profile_space as a letter ({@code A}, {@code B}, {@code C} for 1, 2, 3; nothing for 0)
 *       followed by general_profile_idc in decimal;</li>
 *   <li>the 32 general_profile_compatibility_flags in reverse bit order (flag {@code j} as bit
 *       {@code j}) in hexadecimal without leading zeros;</li>
 *   <li>{@code L} (general_tier_flag 0) or {@code H} (1) followed by general_level_idc in decimal;</li>
 *   <li>the six bytes of the 48 constraint indicator flags (general_progressive_source_flag first), each
 *       in hexadecimal and preceded by a dot, trailing zero bytes omitted.</li>
 * </ol>
 * The profile, tier and level fields are those of profile_tier_level() (ITU-T H.265 (09/2023) §7.3.3)
 * as the HEVCDecoderConfigurationRecord (ISO/IEC 14496-15 §8.3.3.1) repeats them.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.2.0
 */
public final class HevcCodecString {
    private static final char[] SPACE_LETTERS = {0, 'A', 'B', 'C'};

    private HevcCodecString() {}

    /**
     * Builds the codec string.
     *
     * @param sampleEntry the sample entry type, e.g. {@code "hvc1"} or {@code "hev1"}; not empty, no dot
     * @param generalProfileSpace general_profile_space, 0..3
     * @param generalTierFlag general_tier_flag ({@code true}: high tier)
     * @param generalProfileIdc general_profile_idc, 0..31
     * @param generalProfileCompatibilityFlags the 32 general_profile_compatibility_flag bits as they
     *     appear in the bitstream and in hvcC: flag[0] in the most significant bit (so Main, which sets
     *     flags 1 and 2, is {@code 0x60000000})
     * @param generalConstraintIndicatorFlags the 48 bits that follow in the bitstream and in hvcC
     *     (general_progressive_source_flag in bit 47), 0..2^48-1
     * @param generalLevelIdc general_level_idc, 0..255 (30 times the level number)
     * @return the codec string, e.g. {@code "hvc1.1.6.L93.B0"}
     * @throws IllegalArgumentException if a value is out of its range or the sample entry is empty or
     *     holds a dot
     * @throws NullPointerException if {@code sampleEntry} is null
     */
    public static String of(String sampleEntry, int generalProfileSpace, boolean generalTierFlag, int generalProfileIdc,
            int generalProfileCompatibilityFlags, long generalConstraintIndicatorFlags, int generalLevelIdc) {
        Objects.requireNonNull(sampleEntry, "sampleEntry");
        if (sampleEntry.isEmpty() || sampleEntry.indexOf('.') >= 0) {
            throw new IllegalArgumentException("sample entry '" + sampleEntry + "' is empty or holds a dot");
        }
        if (generalProfileSpace >>> 2 != 0 || generalProfileIdc >>> 5 != 0 || generalLevelIdc >>> 8 != 0
                || generalConstraintIndicatorFlags >>> 48 != 0) {
            throw new IllegalArgumentException("profile_tier_level fields out of range: space " + generalProfileSpace
                    + ", idc " + generalProfileIdc + ", level " + generalLevelIdc + ", constraints 0x"
                    + Long.toHexString(generalConstraintIndicatorFlags));
        }
        StringBuilder s = new StringBuilder(sampleEntry.length() + 32).append(sampleEntry).append('.');
        if (generalProfileSpace != 0) {
            s.append(SPACE_LETTERS[generalProfileSpace]);
        }
        s.append(generalProfileIdc).append('.')
                .append(Integer.toHexString(Integer.reverse(generalProfileCompatibilityFlags)).toUpperCase())
                .append('.').append(generalTierFlag ? 'H' : 'L').append(generalLevelIdc);
        int bytes = 6;
        while (bytes > 0 && ((generalConstraintIndicatorFlags >>> (48 - 8 * bytes)) & 0xFF) == 0) {
            bytes--;
        }
        for (int i = 0; i < bytes; i++) {
            int b = (int) (generalConstraintIndicatorFlags >>> (40 - 8 * i)) & 0xFF;
            s.append('.').append(Integer.toHexString(b).toUpperCase());
        }
        return s.toString();
    }
}

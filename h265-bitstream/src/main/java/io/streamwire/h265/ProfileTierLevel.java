package io.streamwire.h265;

import io.streamwire.core.internal.BitReader;
import io.streamwire.core.internal.RbspWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * profile_tier_level(profilePresentFlag, maxNumSubLayersMinus1): ITU-T H.265 (09/2023) §7.3.3,
 * semantics §7.4.4; carried by the VPS and the SPS. The 48 bits after the compatibility flags
 * (general_progressive_source_flag .. general_inbld_flag) are kept as one value, their meaning depending on
 * the profile (Annex A); the accessors name the four that every profile shares.
 *
 * <pre>
 * [profilePresentFlag: general_profile_space u(2) general_tier_flag u(1) general_profile_idc u(5)
 *   general_profile_compatibility_flag[32] u(32) general_progressive_source_flag .. general_inbld_flag u(48)]
 * general_level_idc u(8)
 * { sub_layer_profile_present_flag u(1) sub_layer_level_present_flag u(1) } x maxNumSubLayersMinus1
 * [maxNumSubLayersMinus1 &gt; 0: reserved_zero_2bits u(2) x (8 - maxNumSubLayersMinus1)]
 * { [profile present: the 88 profile bits as above, sub_layer_ prefixed] [level present: sub_layer_level_idc u(8)] }
 *   x maxNumSubLayersMinus1
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param profilePresentFlag profilePresentFlag, the caller's argument: 1 in every SPS and in the VPS's
 *     first profile_tier_level()
 * @param generalProfileSpace general_profile_space, 2 bits (0 when the profile is not present)
 * @param generalTierFlag general_tier_flag (true: High tier)
 * @param generalProfileIdc general_profile_idc, 5 bits
 * @param generalProfileCompatibilityFlags general_profile_compatibility_flag[0..31], flag 0 in the most
 *     significant bit (as in the bitstream and the hvcC)
 * @param generalConstraintIndicatorFlags the 48 bits from general_progressive_source_flag (bit 47) to
 *     general_inbld_flag or general_reserved_zero_bit (bit 0)
 * @param generalLevelIdc general_level_idc, 8 bits: 30 times the level number (93 is level 3.1)
 * @param subLayers one entry per sub-layer below the highest, maxNumSubLayersMinus1 of them (0..6)
 * @param reservedZero2bits the reserved_zero_2bits for i = maxNumSubLayersMinus1..7, concatenated as read
 *     (0 when maxNumSubLayersMinus1 is 0), kept so the writer reproduces them
 *
 * @since 0.2.0
 */
public record ProfileTierLevel(boolean profilePresentFlag, int generalProfileSpace, boolean generalTierFlag,
        int generalProfileIdc, int generalProfileCompatibilityFlags, long generalConstraintIndicatorFlags,
        int generalLevelIdc, List<SubLayer> subLayers, int reservedZero2bits) {

    static final String SPEC = "ITU-T H.265 (09/2023) §7.3.3";

    /** general_profile_idc of the Main profile (A.3.2). */
    public static final int MAIN = 1;
    /** Main 10 (A.3.3). */
    public static final int MAIN_10 = 2;
    /** Main Still Picture (A.3.4). */
    public static final int MAIN_STILL_PICTURE = 3;
    /** Format range extensions profiles (A.3.5). */
    public static final int FORMAT_RANGE_EXTENSIONS = 4;
    /** High throughput profiles (A.3.6). */
    public static final int HIGH_THROUGHPUT = 5;
    /** Screen content coding extensions profiles (A.3.7). */
    public static final int SCREEN_CONTENT_CODING = 9;

    /**
     * The profile and level of one sub-layer.
     *
     * @param profilePresentFlag sub_layer_profile_present_flag[i]
     * @param levelPresentFlag sub_layer_level_present_flag[i]
     * @param profileSpace sub_layer_profile_space[i], 2 bits (0 when not present)
     * @param tierFlag sub_layer_tier_flag[i]
     * @param profileIdc sub_layer_profile_idc[i], 5 bits
     * @param profileCompatibilityFlags sub_layer_profile_compatibility_flag[i][0..31], flag 0 most significant
     * @param constraintIndicatorFlags the 48 constraint bits, sub_layer_progressive_source_flag in bit 47
     * @param levelIdc sub_layer_level_idc[i], 8 bits (0 when not present)
     */
    public record SubLayer(boolean profilePresentFlag, boolean levelPresentFlag, int profileSpace, boolean tierFlag,
            int profileIdc, int profileCompatibilityFlags, long constraintIndicatorFlags, int levelIdc) {
        /** Checks widths and that absent fields are zero. */
        public SubLayer {
            if (profileSpace >>> 2 != 0 || profileIdc >>> 5 != 0 || constraintIndicatorFlags >>> 48 != 0 || levelIdc >>> 8 != 0
                    || (!profilePresentFlag && (profileSpace != 0 || tierFlag || profileIdc != 0
                            || profileCompatibilityFlags != 0 || constraintIndicatorFlags != 0))
                    || (!levelPresentFlag && levelIdc != 0)) {
                throw new IllegalArgumentException("sub-layer profile/level fields out of range");
            }
        }
    }

    /** Checks widths, the sub-layer count and that absent fields are zero. */
    public ProfileTierLevel {
        subLayers = List.copyOf(subLayers);
        int reservedBits = subLayers.isEmpty() ? 0 : 2 * (8 - subLayers.size());
        if (generalProfileSpace >>> 2 != 0 || generalProfileIdc >>> 5 != 0 || generalConstraintIndicatorFlags >>> 48 != 0
                || generalLevelIdc >>> 8 != 0 || subLayers.size() > 6 || reservedZero2bits >>> reservedBits != 0
                || (!profilePresentFlag && (generalProfileSpace != 0 || generalTierFlag || generalProfileIdc != 0
                        || generalProfileCompatibilityFlags != 0 || generalConstraintIndicatorFlags != 0))) {
            throw new IllegalArgumentException("profile_tier_level fields out of range");
        }
    }

    /** maxNumSubLayersMinus1: the number of {@link #subLayers()}. */
    public int maxNumSubLayersMinus1() {
        return subLayers.size();
    }

    /** general_profile_compatibility_flag[j], j in 0..31. */
    public boolean generalProfileCompatibilityFlag(int j) {
        return (generalProfileCompatibilityFlags << j) < 0;
    }

    /** general_progressive_source_flag. */
    public boolean generalProgressiveSourceFlag() {
        return (generalConstraintIndicatorFlags >>> 47 & 1) != 0;
    }

    /** general_interlaced_source_flag. */
    public boolean generalInterlacedSourceFlag() {
        return (generalConstraintIndicatorFlags >>> 46 & 1) != 0;
    }

    /** general_non_packed_constraint_flag. */
    public boolean generalNonPackedConstraintFlag() {
        return (generalConstraintIndicatorFlags >>> 45 & 1) != 0;
    }

    /** general_frame_only_constraint_flag. */
    public boolean generalFrameOnlyConstraintFlag() {
        return (generalConstraintIndicatorFlags >>> 44 & 1) != 0;
    }

    /**
     * The profile as ffmpeg 5.1 numbers it: general_profile_idc, or, when that is 0, the first
     * general_profile_compatibility_flag[j] set for j &ge; 1 (as its HEVC decoder does).
     */
    public int effectiveProfileIdc() {
        if (generalProfileIdc != 0) {
            return generalProfileIdc;
        }
        int rest = generalProfileCompatibilityFlags << 1;
        return rest == 0 ? 0 : 1 + Integer.numberOfLeadingZeros(rest);
    }

    /**
     * The profile name as ffprobe 5.1 prints it: {@code "Main"}, {@code "Main 10"},
     * {@code "Main Still Picture"} or {@code "Rext"} (every format range extensions profile), else the
     * number ffprobe prints for a profile it has no name for ({@code "5"}, {@code "9"}).
     */
    public String profileName() {
        int idc = effectiveProfileIdc();
        switch (idc) {
            case MAIN: return "Main";
            case MAIN_10: return "Main 10";
            case MAIN_STILL_PICTURE: return "Main Still Picture";
            case FORMAT_RANGE_EXTENSIONS: return "Rext";
            default: return Integer.toString(idc);
        }
    }

    /** The level number, general_level_idc / 30 (e.g. 3.1 for 93). */
    public double level() {
        return generalLevelIdc / 30.0;
    }

    /** "Main" or "High", from general_tier_flag. */
    public String tierName() {
        return generalTierFlag ? "High" : "Main";
    }

    /**
     * The RFC 6381 codec string (ISO/IEC 14496-15 Annex E.3), e.g. {@code "hvc1.1.6.L93.B0"}.
     *
     * @param sampleEntry {@code "hvc1"}, {@code "hev1"} or another sample entry code
     */
    public String codecString(String sampleEntry) {
        return HevcCodecString.of(sampleEntry, generalProfileSpace, generalTierFlag, generalProfileIdc,
                generalProfileCompatibilityFlags, generalConstraintIndicatorFlags, generalLevelIdc);
    }

    /** Reads profile_tier_level(profilePresentFlag, maxNumSubLayersMinus1), maxNumSubLayersMinus1 in 0..6 (checked by the caller). */
    static ProfileTierLevel read(BitReader r, boolean profilePresentFlag, int maxNumSubLayersMinus1) {
        int space = 0;
        boolean tier = false;
        int idc = 0;
        int compat = 0;
        long constraints = 0;
        if (profilePresentFlag) {
            space = r.u(2, "general_profile_space");
            tier = r.flag("general_tier_flag");
            idc = r.u(5, "general_profile_idc");
            compat = (int) r.readBitsLong(32, "general_profile_compatibility_flag");
            constraints = r.readBitsLong(32, "general_progressive_source_flag") << 16 | r.u(16, "general_reserved_zero_bits");
        }
        int level = r.u(8, "general_level_idc");
        if (maxNumSubLayersMinus1 == 0) {
            return new ProfileTierLevel(profilePresentFlag, space, tier, idc, compat, constraints, level, List.of(), 0);
        }
        return readSubLayers(r, profilePresentFlag, space, tier, idc, compat, constraints, level, maxNumSubLayersMinus1);
    }

    private static ProfileTierLevel readSubLayers(BitReader r, boolean profilePresentFlag, int space, boolean tier, int idc,
            int compat, long constraints, int level, int n) {
        int presence = r.u(2 * n, "sub_layer_profile_present_flag");
        int reserved = r.u(2 * (8 - n), "reserved_zero_2bits");
        List<SubLayer> subs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean profile = (presence >>> (2 * (n - i) - 1) & 1) != 0;
            boolean levelPresent = (presence >>> (2 * (n - i) - 2) & 1) != 0;
            int s = 0;
            boolean t = false;
            int p = 0;
            int c = 0;
            long k = 0;
            if (profile) {
                s = r.u(2, "sub_layer_profile_space");
                t = r.flag("sub_layer_tier_flag");
                p = r.u(5, "sub_layer_profile_idc");
                c = (int) r.readBitsLong(32, "sub_layer_profile_compatibility_flag");
                k = r.readBitsLong(32, "sub_layer_progressive_source_flag") << 16 | r.u(16, "sub_layer_reserved_zero_bits");
            }
            int l = levelPresent ? r.u(8, "sub_layer_level_idc") : 0;
            subs.add(new SubLayer(profile, levelPresent, s, t, p, c, k, l));
        }
        return new ProfileTierLevel(profilePresentFlag, space, tier, idc, compat, constraints, level, subs, reserved);
    }

    void write(RbspWriter w) {
        if (profilePresentFlag) {
            w.u(2, generalProfileSpace).flag(generalTierFlag).u(5, generalProfileIdc).u(32, generalProfileCompatibilityFlags & 0xFFFFFFFFL)
                    .u(32, generalConstraintIndicatorFlags >>> 16).u(16, generalConstraintIndicatorFlags & 0xFFFF);
        }
        w.u(8, generalLevelIdc);
        int n = subLayers.size();
        if (n == 0) {
            return;
        }
        for (SubLayer s : subLayers) {
            w.flag(s.profilePresentFlag()).flag(s.levelPresentFlag());
        }
        w.u(2 * (8 - n), reservedZero2bits);
        for (SubLayer s : subLayers) {
            if (s.profilePresentFlag()) {
                w.u(2, s.profileSpace()).flag(s.tierFlag()).u(5, s.profileIdc()).u(32, s.profileCompatibilityFlags() & 0xFFFFFFFFL)
                        .u(32, s.constraintIndicatorFlags() >>> 16).u(16, s.constraintIndicatorFlags() & 0xFFFF);
            }
            if (s.levelPresentFlag()) {
                w.u(8, s.levelIdc());
            }
        }
    }
}

package io.streamwire.h265;

/**
 * The HEVC nal_unit_type values of ITU-T H.265 (09/2023) Table 7-1 as named {@code int} constants,
 * and the classes of types the spec defines (§3 definitions, §7.4.2.2): VCL, IRAP, IDR, CRA, BLA,
 * RADL, RASL, parameter sets. Every value 0..63 is valid input: reserved (RSV_*) and unspecified
 * (UNSPEC*) types are kept as numbers wherever this module carries a type, so they survive a round
 * trip; {@link #name(int)} gives the Table 7-1 name of any of them.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.2.0
 */
public final class NalUnitType {
    /** Coded slice segment of a non-TSA, non-STSA trailing picture, sub-layer non-reference. */
    public static final int TRAIL_N = 0;
    /** Coded slice segment of a non-TSA, non-STSA trailing picture, sub-layer reference. */
    public static final int TRAIL_R = 1;
    /** Coded slice segment of a temporal sub-layer access (TSA) picture, non-reference. */
    public static final int TSA_N = 2;
    /** Coded slice segment of a TSA picture, reference. */
    public static final int TSA_R = 3;
    /** Coded slice segment of a step-wise temporal sub-layer access (STSA) picture, non-reference. */
    public static final int STSA_N = 4;
    /** Coded slice segment of an STSA picture, reference. */
    public static final int STSA_R = 5;
    /** Coded slice segment of a random access decodable leading (RADL) picture, non-reference. */
    public static final int RADL_N = 6;
    /** Coded slice segment of a RADL picture, reference. */
    public static final int RADL_R = 7;
    /** Coded slice segment of a random access skipped leading (RASL) picture, non-reference. */
    public static final int RASL_N = 8;
    /** Coded slice segment of a RASL picture, reference. */
    public static final int RASL_R = 9;
    /** Broken link access picture that may have RASL and RADL leading pictures. */
    public static final int BLA_W_LP = 16;
    /** Broken link access picture that may have RADL leading pictures. */
    public static final int BLA_W_RADL = 17;
    /** Broken link access picture without leading pictures. */
    public static final int BLA_N_LP = 18;
    /** Instantaneous decoding refresh picture that may have RADL leading pictures. */
    public static final int IDR_W_RADL = 19;
    /** Instantaneous decoding refresh picture without leading pictures. */
    public static final int IDR_N_LP = 20;
    /** Clean random access picture. */
    public static final int CRA_NUT = 21;
    /** Video parameter set. */
    public static final int VPS_NUT = 32;
    /** Sequence parameter set. */
    public static final int SPS_NUT = 33;
    /** Picture parameter set. */
    public static final int PPS_NUT = 34;
    /** Access unit delimiter. */
    public static final int AUD_NUT = 35;
    /** End of sequence. */
    public static final int EOS_NUT = 36;
    /** End of bitstream. */
    public static final int EOB_NUT = 37;
    /** Filler data. */
    public static final int FD_NUT = 38;
    /** Supplemental enhancement information, prefix. */
    public static final int PREFIX_SEI_NUT = 39;
    /** Supplemental enhancement information, suffix. */
    public static final int SUFFIX_SEI_NUT = 40;

    private static final String[] NAMES = {
        "TRAIL_N", "TRAIL_R", "TSA_N", "TSA_R", "STSA_N", "STSA_R", "RADL_N", "RADL_R", "RASL_N", "RASL_R",
        "RSV_VCL_N10", "RSV_VCL_R11", "RSV_VCL_N12", "RSV_VCL_R13", "RSV_VCL_N14", "RSV_VCL_R15",
        "BLA_W_LP", "BLA_W_RADL", "BLA_N_LP", "IDR_W_RADL", "IDR_N_LP", "CRA_NUT", "RSV_IRAP_VCL22", "RSV_IRAP_VCL23",
        "RSV_VCL24", "RSV_VCL25", "RSV_VCL26", "RSV_VCL27", "RSV_VCL28", "RSV_VCL29", "RSV_VCL30", "RSV_VCL31",
        "VPS_NUT", "SPS_NUT", "PPS_NUT", "AUD_NUT", "EOS_NUT", "EOB_NUT", "FD_NUT", "PREFIX_SEI_NUT", "SUFFIX_SEI_NUT",
        "RSV_NVCL41", "RSV_NVCL42", "RSV_NVCL43", "RSV_NVCL44", "RSV_NVCL45", "RSV_NVCL46", "RSV_NVCL47",
    };

    private NalUnitType() {}

    private static int check(int type) {
        if (type >>> 6 != 0) {
            throw new IllegalArgumentException("nal_unit_type " + type + " out of range (expected: 0..63)");
        }
        return type;
    }

    /**
     * The nal_unit_type in the first byte of a NAL unit header (bits 1..6 after forbidden_zero_bit),
     * e.g. the byte {@link HevcAnnexBDecoder.Listener#onNalStart} receives.
     *
     * @param firstHeaderByte the first header byte, 0..255
     */
    public static int fromHeaderByte(int firstHeaderByte) {
        return firstHeaderByte >>> 1 & 0x3F;
    }

    /**
     * The Table 7-1 name: {@code "IDR_W_RADL"}, {@code "RSV_VCL_N10"}, {@code "UNSPEC62"}.
     *
     * @throws IllegalArgumentException if {@code type} is not 0..63
     */
    public static String name(int type) {
        check(type);
        return type < NAMES.length ? NAMES[type] : "UNSPEC" + type;
    }

    /** Video coding layer: 0..31 (coded slice segments and the reserved VCL types). */
    public static boolean isVcl(int type) {
        return check(type) < 32;
    }

    /** Intra random access point, 16..23 (BLA, IDR, CRA and the reserved IRAP types 22 and 23). */
    public static boolean isIrap(int type) {
        return check(type) >= BLA_W_LP && type <= 23;
    }

    /** Instantaneous decoding refresh: IDR_W_RADL (19) or IDR_N_LP (20). */
    public static boolean isIdr(int type) {
        return check(type) == IDR_W_RADL || type == IDR_N_LP;
    }

    /** Clean random access: CRA_NUT (21). */
    public static boolean isCra(int type) {
        return check(type) == CRA_NUT;
    }

    /** Broken link access: BLA_W_LP, BLA_W_RADL, BLA_N_LP (16..18). */
    public static boolean isBla(int type) {
        return check(type) >= BLA_W_LP && type <= BLA_N_LP;
    }

    /** Random access decodable leading picture: RADL_N, RADL_R (6, 7). */
    public static boolean isRadl(int type) {
        return check(type) == RADL_N || type == RADL_R;
    }

    /** Random access skipped leading picture: RASL_N, RASL_R (8, 9). */
    public static boolean isRasl(int type) {
        return check(type) == RASL_N || type == RASL_R;
    }

    /** A leading picture (RADL or RASL, 6..9). */
    public static boolean isLeading(int type) {
        return check(type) >= RADL_N && type <= RASL_R;
    }

    /** A video, sequence or picture parameter set (32..34). */
    public static boolean isParameterSet(int type) {
        return check(type) >= VPS_NUT && type <= PPS_NUT;
    }

    /** SEI, prefix or suffix (39, 40). */
    public static boolean isSei(int type) {
        return check(type) == PREFIX_SEI_NUT || type == SUFFIX_SEI_NUT;
    }

    /**
     * Sub-layer non-reference picture (§3.153): the even types up to 14 (TRAIL_N, TSA_N, STSA_N,
     * RADL_N, RASL_N, RSV_VCL_N10/12/14).
     */
    public static boolean isSubLayerNonReference(int type) {
        return check(type) <= 14 && (type & 1) == 0;
    }

    /** Reserved by Table 7-1 (RSV_VCL_N10..RSV_VCL31 except 16..21, RSV_NVCL41..47). */
    public static boolean isReserved(int type) {
        check(type);
        return (type >= 10 && type <= 15) || (type >= 22 && type <= 31) || (type >= 41 && type <= 47);
    }

    /** Unspecified by Table 7-1 (UNSPEC48..UNSPEC63: left to applications, e.g. Dolby Vision's 62, 63). */
    public static boolean isUnspecified(int type) {
        return check(type) >= 48;
    }
}

package io.streamwire.h264;

/**
 * The two reads scaling_list() needs (ITU-T H.264 (08/2021) §7.3.2.1.1.1), so that
 * {@link ScalingMatrix#read} serves both the SPS's {@link SpsReader} and the PPS's
 * {@link RbspReader}.
 *
 * <p>Implementations are not thread-safe.
 */
interface BitSource {
    /** Reads u(1) as a flag, naming {@code field} in errors. */
    boolean flag(String field);

    /** Reads se(v) and requires {@code min <= value <= max}, naming {@code field} in errors. */
    int se(String field, int min, int max);
}

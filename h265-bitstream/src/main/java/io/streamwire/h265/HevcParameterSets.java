package io.streamwire.h265;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The VPSs, SPSs and PPSs of a stream by id (ITU-T H.265 (09/2023) §7.4.2.4.2): what slice segment
 * header parsing looks up. {@link #accept} parses parameter set NAL units as they pass, and skips
 * re-parsing one whose bytes did not change (encoders repeat them before every IRAP picture).
 *
 * <p>Ids: vps_video_parameter_set_id 0..15, sps_seq_parameter_set_id 0..15, pps_pic_parameter_set_id
 * 0..63. A parameter set replaces the one stored under its id; a PPS is stored without its SPS (an HEVC
 * PPS parses alone), the slice header needs both.
 *
 * <p>Not thread-safe: keep it with the stream's decoder.
 *
 * @since 0.2.0
 */
public final class HevcParameterSets {
    private final HevcVps[] vps = new HevcVps[16];
    private final HevcSps[] sps = new HevcSps[16];
    private final HevcPps[] pps = new HevcPps[64];
    private final byte[][] vpsBytes = new byte[16][];
    private final byte[][] spsBytes = new byte[16][];
    private final byte[][] ppsBytes = new byte[64][];

    /** An empty set. */
    public HevcParameterSets() {}

    /** The VPS with this id, or null. */
    public HevcVps vps(int id) {
        return id >= 0 && id < 16 ? vps[id] : null;
    }

    /** The SPS with this id, or null. */
    public HevcSps sps(int id) {
        return id >= 0 && id < 16 ? sps[id] : null;
    }

    /** The PPS with this id, or null. */
    public HevcPps pps(int id) {
        return id >= 0 && id < 64 ? pps[id] : null;
    }

    /** Stores a VPS under its id, replacing the one before. */
    public void put(HevcVps value) {
        vps[value.vpsVideoParameterSetId()] = value;
        vpsBytes[value.vpsVideoParameterSetId()] = null;
    }

    /** Stores an SPS under its id, replacing the one before. */
    public void put(HevcSps value) {
        sps[value.spsSeqParameterSetId()] = value;
        spsBytes[value.spsSeqParameterSetId()] = null;
    }

    /** Stores a PPS under its id, replacing the one before. */
    public void put(HevcPps value) {
        pps[value.ppsPicParameterSetId()] = value;
        ppsBytes[value.ppsPicParameterSetId()] = null;
    }

    /** Forgets every parameter set. */
    public void clear() {
        Arrays.fill(vps, null);
        Arrays.fill(sps, null);
        Arrays.fill(pps, null);
        Arrays.fill(vpsBytes, null);
        Arrays.fill(spsBytes, null);
        Arrays.fill(ppsBytes, null);
    }

    /**
     * Parses and stores {@code nal} (two header bytes first) if it is a VPS (type 32), SPS (33) or PPS
     * (34); other types are ignored. The buffer's position is unchanged. A parameter set with the same
     * bytes as the one stored under its id is not parsed again.
     *
     * @param offset the stream offset of the first header byte, for errors
     * @return true if it was a parameter set
     * @throws H265Exception if the parameter set is malformed
     * @throws io.streamwire.core.TruncatedInputException if it ends before its syntax does
     * @throws io.streamwire.core.UnsupportedFeatureException for a multi-layer extension SPS
     */
    public boolean accept(ByteBuffer nal, long offset) {
        if (nal.remaining() < 2) {
            return false;
        }
        int type = nal.get(nal.position()) >>> 1 & 0x3F;
        switch (type) {
            case 32: {
                if (isStored(vpsBytes, nal)) {
                    return true;
                }
                HevcVps parsed = HevcVps.parse(nal.duplicate(), offset);
                put(parsed);
                vpsBytes[parsed.vpsVideoParameterSetId()] = copy(nal);
                return true;
            }
            case 33: {
                if (isStored(spsBytes, nal)) {
                    return true;
                }
                HevcSps parsed = HevcSps.parse(nal.duplicate(), offset);
                put(parsed);
                spsBytes[parsed.spsSeqParameterSetId()] = copy(nal);
                return true;
            }
            case 34: {
                if (isStored(ppsBytes, nal)) {
                    return true;
                }
                HevcPps parsed = HevcPps.parse(nal.duplicate(), offset);
                put(parsed);
                ppsBytes[parsed.ppsPicParameterSetId()] = copy(nal);
                return true;
            }
            default:
                return false;
        }
    }

    /** {@link #accept(ByteBuffer, long)} at offset 0. */
    public boolean accept(ByteBuffer nal) {
        return accept(nal, 0);
    }

    /** True when some stored parameter set of the table has exactly the bytes of {@code nal}. */
    private static boolean isStored(byte[][] table, ByteBuffer nal) {
        for (byte[] b : table) {
            if (b != null && b.length == nal.remaining() && ByteBuffer.wrap(b).equals(nal)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] copy(ByteBuffer nal) {
        byte[] b = new byte[nal.remaining()];
        nal.duplicate().get(b);
        return b;
    }
}

package io.streamwire.h264;

import java.nio.ByteBuffer;

/**
 * The active SPSs and PPSs of a stream by id (ITU-T H.264 (08/2021) §7.4.1.2.1): what PPS and
 * slice header parsing look up. {@link #accept} parses SPS and PPS NAL units as they pass and
 * skips re-parsing a parameter set whose bytes did not change (encoders repeat them before every
 * IDR).
 *
 * <p>Not thread-safe: keep it with the stream's decoder.
 *
 * @since 0.1.0
 */
public final class ParameterSets {
    private final Sps[] sps = new Sps[32];
    private final Pps[] pps = new Pps[256];
    private final byte[][] spsBytes = new byte[32][];
    private final byte[][] ppsBytes = new byte[256][];

    /** An empty set. */
    public ParameterSets() {}

    /** The SPS with this id, or null. */
    public Sps sps(int id) {
        return id >= 0 && id < 32 ? sps[id] : null;
    }

    /** The PPS with this id, or null. */
    public Pps pps(int id) {
        return id >= 0 && id < 256 ? pps[id] : null;
    }

    /** Stores an SPS under its id, replacing the one before. */
    public void put(Sps value) {
        sps[value.seqParameterSetId()] = value;
        spsBytes[value.seqParameterSetId()] = null;
    }

    /** Stores a PPS under its id, replacing the one before. */
    public void put(Pps value) {
        pps[value.picParameterSetId()] = value;
        ppsBytes[value.picParameterSetId()] = null;
    }

    /**
     * Parses and stores {@code nal} if it is an SPS (type 7) or PPS (type 8); other types are
     * ignored. The buffer's position is unchanged.
     *
     * @return true if it was an SPS or PPS
     * @throws H264Exception if the parameter set is malformed
     * @throws io.streamwire.core.TruncatedInputException if it ends before its syntax does
     */
    public boolean accept(ByteBuffer nal, long offset) {
        if (!nal.hasRemaining()) {
            return false;
        }
        int type = nal.get(nal.position()) & 0x1F;
        if (type == NalUnitHeader.TYPE_SPS) {
            Sps parsed = Sps.parse(nal.duplicate(), offset);
            if (sameAsStored(spsBytes[parsed.seqParameterSetId()], nal) && sps[parsed.seqParameterSetId()] != null) {
                return true;
            }
            put(parsed);
            spsBytes[parsed.seqParameterSetId()] = copy(nal);
            lastSps = spsBytes[parsed.seqParameterSetId()];
            return true;
        }
        if (type == NalUnitHeader.TYPE_PPS) {
            Pps parsed = Pps.parse(nal.duplicate(), this, offset);
            put(parsed);
            ppsBytes[parsed.picParameterSetId()] = copy(nal);
            lastPps = ppsBytes[parsed.picParameterSetId()];
            return true;
        }
        return false;
    }

    /**
     * {@link #accept(ByteBuffer, long)} for {@code buf[from, to)}, parsing only when the bytes differ
     * from every stored parameter set of that type (nothing is allocated for a repeat).
     */
    boolean acceptRange(ByteBuffer buf, int from, int to, long offset) {
        int type = buf.get(from) & 0x1F;
        byte[][] table = type == NalUnitHeader.TYPE_SPS ? spsBytes : type == NalUnitHeader.TYPE_PPS ? ppsBytes : null;
        if (table == null) {
            return false;
        }
        if (type == NalUnitHeader.TYPE_SPS ? lastSps != null && same(lastSps, buf, from, to) : lastPps != null && same(lastPps, buf, from, to)) {
            return true;
        }
        for (byte[] b : table) {
            if (b != null && same(b, buf, from, to)) {
                return true;
            }
        }
        accept(buf.duplicate().limit(to).position(from), offset);
        return true;
    }

    private byte[] lastSps;
    private byte[] lastPps;

    private static boolean same(byte[] stored, ByteBuffer buf, int from, int to) {
        if (stored.length != to - from) {
            return false;
        }
        for (int i = 0; i < stored.length; i++) {
            if (stored[i] != buf.get(from + i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * True if {@code nal} (an SPS or PPS) has the same bytes as the one last accepted under the
     * same type, so callers on a hot path can skip parsing it; false when unknown.
     */
    public boolean isRepeat(ByteBuffer nal) {
        if (nal.remaining() < 2) {
            return false;
        }
        int type = nal.get(nal.position()) & 0x1F;
        byte[][] table = type == NalUnitHeader.TYPE_SPS ? spsBytes : type == NalUnitHeader.TYPE_PPS ? ppsBytes : null;
        if (table == null) {
            return false;
        }
        for (byte[] b : table) {
            if (sameAsStored(b, nal)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameAsStored(byte[] stored, ByteBuffer nal) {
        if (stored == null || stored.length != nal.remaining()) {
            return false;
        }
        for (int i = 0; i < stored.length; i++) {
            if (stored[i] != nal.get(nal.position() + i)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] copy(ByteBuffer nal) {
        byte[] b = new byte[nal.remaining()];
        nal.duplicate().get(b);
        return b;
    }
}

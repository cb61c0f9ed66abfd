package io.streamwire.mpegts;

import io.streamwire.core.Interest;
import io.streamwire.mpegts.psi.Descriptor;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * An elementary stream announced by a PMT, with the fields of the PES being delivered.
 *
 * <p>The current-PES accessors ({@link #pts()}, {@link #dts()}, {@link #randomAccess()},
 * {@link #pesOffset()}, {@link #streamId()}, {@link #pesPacketLength()}) are valid during the demuxer
 * callbacks for that PES. Timestamps are unwrapped onto a 64-bit timeline in 90 kHz units
 * ({@link TimestampUnwrapper}); {@link #NO_TIMESTAMP} when absent.
 *
 * <p>Not thread-safe, keep it on one connection or event loop.
 *
 * @since 0.1.0
 */
public final class TsStream {
    /** Returned by {@link #pts()} and {@link #dts()} when the PES carries none. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    final int pid;
    final int programNumber;
    final int streamTypeCode;
    final StreamType type;
    final List<Descriptor> descriptors;

    // current PES
    long pts = NO_TIMESTAMP;
    long dts = NO_TIMESTAMP;
    long rawPts = -1;
    long rawDts = -1;
    boolean randomAccess;
    long pesOffset;
    int streamId;
    int pesPacketLength;

    // demux state
    final TimestampUnwrapper clock = new TimestampUnwrapper();
    Interest interest;
    int pesState; // 0 idle, 1 header, 2 payload
    ByteBuffer header; // a PES header that spans packets, gathered (9 + 255 bytes at most)
    int headerHave;
    int headerNeed;
    long headerOffset; // stream offset of the header's first byte
    long remaining; // bounded PES: payload bytes left; -1 unbounded
    long delivered;
    byte[] assembly;
    int assembled;
    ByteBuffer assemblyView;

    TsStream(int pid, int programNumber, int streamTypeCode, List<Descriptor> descriptors) {
        this.pid = pid;
        this.programNumber = programNumber;
        this.streamTypeCode = streamTypeCode;
        this.descriptors = List.copyOf(descriptors);
        this.type = StreamType.of(streamTypeCode, descriptors);
    }

    /** elementary_PID. */
    public int pid() {
        return pid;
    }

    /** program_number of the PMT that announced it. */
    public int programNumber() {
        return programNumber;
    }

    /** stream_type as coded in the PMT. */
    public int streamTypeCode() {
        return streamTypeCode;
    }

    /** The classified stream type. */
    public StreamType type() {
        return type;
    }

    /** The ES_info descriptors. */
    public List<Descriptor> descriptors() {
        return descriptors;
    }

    /** PTS of the current PES, unwrapped, 90 kHz; or {@link #NO_TIMESTAMP}. */
    public long pts() {
        return pts;
    }

    /** DTS of the current PES (equal to {@link #pts()} when the PES has no DTS), or {@link #NO_TIMESTAMP}. */
    public long dts() {
        return dts;
    }

    /** The 33-bit PTS as coded, or -1. */
    public long rawPts() {
        return rawPts;
    }

    /** The 33-bit DTS as coded, or -1. */
    public long rawDts() {
        return rawDts;
    }

    /** random_access_indicator of the packet that started the current PES. */
    public boolean randomAccess() {
        return randomAccess;
    }

    /** Stream offset of the transport packet that started the current PES. */
    public long pesOffset() {
        return pesOffset;
    }

    /** stream_id of the current PES. */
    public int streamId() {
        return streamId;
    }

    /** PES_packet_length of the current PES (0: unbounded). */
    public int pesPacketLength() {
        return pesPacketLength;
    }

    @Override
    public String toString() {
        return "TsStream[pid=" + pid + ", program=" + programNumber + ", stream_type=0x" + Integer.toHexString(streamTypeCode)
                + ", " + type + "]";
    }
}

package io.streamwire.benchmarks.mpegts;

import io.streamwire.benchmarks.Counters;
import io.streamwire.benchmarks.Goal;
import io.streamwire.benchmarks.Scaling;
import io.streamwire.benchmarks.Main;
import io.streamwire.core.Interest;
import io.streamwire.mpegts.StreamType;
import io.streamwire.mpegts.TsDemuxer;
import io.streamwire.mpegts.TsMuxer;
import io.streamwire.mpegts.TsMuxerConfig;
import io.streamwire.mpegts.TsStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jcodec.common.io.ByteBufferSeekableByteChannel;
import org.jcodec.containers.mps.MPSDemuxer;
import org.jcodec.containers.mps.MTSDemuxer;
import org.jcodec.containers.mps.PESPacket;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * MPEG-TS demux and mux of a 64 s 720p H.264 (2.5 Mbit/s, B-frames) + AAC stream built in memory
 * from ffmpeg's 2 s fixture {@code mpegts/h264-aac-720p.ts} repeated 32 times with continuity
 * counters rewritten (about 23.2 MB; the demuxers keep their state from pass to pass and the
 * counters join seamlessly). Units are 188-byte transport packets for every method, so the
 * peer ratio compares the same work.
 *
 * <ul>
 *   <li>{@code tsDemux_streamwire}: TS → PES with unwrapped PTS/DTS, payload as in-place fragments.</li>
 *   <li>{@code tsDemuxReassembled_streamwire}: the same, PES payloads reassembled into the demuxer's buffers.</li>
 *   <li>{@code tsDemux_jcodec}: jcodec 0.2.5 {@code MTSDemuxer} + {@code MPSDemuxer} per PID, PES packets
 *       with PTS. Its {@code MTSDemuxer} only looks for streams in the first ~500 packets.</li>
 *   <li>{@code tsMux_streamwire}: the same access units (extracted once in setup) muxed back into TS
 *       in a preallocated output buffer; bytes are output bytes.</li>
 * </ul>
 *
 * <p>FFmpeg 7.1.1 through JNI demuxes and muxes the same bytes in {@link TsFfmpegBenchmark}
 * ({@code tsDemux_ffmpeg}, {@code tsMux_ffmpeg}); the targets hold {@code tsDemux} and
 * {@code tsDemuxReassembled} to ≥ 3× it and {@code tsMux} to ≥ 1×.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TsBenchmark {
    /** 32 × 2 s = 64 s; a multiple of 16 copies, so every PID's continuity counter joins seamlessly when a pass restarts. */
    private static final int COPIES = 32;

    private ByteBuffer stream;
    private long packets;
    private TsDemuxer fragments;
    private TsDemuxer reassembled;
    private final long[] sink = new long[2];
    private List<Object[]> units;
    private ByteBuffer muxOut;

    @Setup
    public void setUp() {
        byte[] all = stream64s();
        stream = ByteBuffer.allocateDirect(all.length).put(all).flip();
        packets = all.length / 188;
        fragments = new TsDemuxer(new TsDemuxer.Listener() {
            @Override
            public Interest onPesStart(TsStream s) {
                sink[0] += s.pts() + s.dts();
                return Interest.FRAGMENTS;
            }

            @Override
            public void onPesFragment(TsStream s, ByteBuffer fragment) {
                sink[1] += fragment.remaining();
            }
        });
        reassembled = new TsDemuxer(new TsDemuxer.Listener() {
            @Override
            public Interest onPesStart(TsStream s) {
                return Interest.WHOLE;
            }

            @Override
            public void onPes(TsStream s, ByteBuffer payload) {
                sink[0] += s.pts() + s.dts();
                sink[1] += payload.get(payload.position()) + payload.remaining();
            }
        });
        units = accessUnits(stream);
        muxOut = ByteBuffer.allocateDirect(all.length * 2);
    }

    /**
     * The benchmark's input: the 2 s fixture repeated {@value #COPIES} times with continuity
     * counters rewritten so the copies join seamlessly (also read by {@link TsFfmpegBenchmark}).
     */
    static byte[] stream64s() {
        byte[] one = Main.fixture("mpegts/h264-aac-720p.ts");
        byte[] all = new byte[one.length * COPIES];
        for (int c = 0; c < COPIES; c++) {
            System.arraycopy(one, 0, all, c * one.length, one.length);
        }
        int[] cc = new int[8192];
        for (int p = 0; p + 188 <= all.length; p += 188) {
            int pid = ((all[p + 1] & 0x1F) << 8) | (all[p + 2] & 0xFF);
            if ((all[p + 3] & 0x10) != 0) {
                all[p + 3] = (byte) ((all[p + 3] & 0xF0) | cc[pid]);
                cc[pid] = (cc[pid] + 1) & 15;
            }
        }
        return all;
    }

    /**
     * The access units of {@code stream} in stream order, for the muxers: {video, pts, dts,
     * randomAccess, payload (a direct copy), NAL units (video) or null}.
     */
    static List<Object[]> accessUnits(ByteBuffer stream) {
        List<Object[]> units = new ArrayList<>();
        TsDemuxer extract = new TsDemuxer(new TsDemuxer.Listener() {
            @Override
            public Interest onPesStart(TsStream s) {
                return Interest.WHOLE;
            }

            @Override
            public void onPes(TsStream s, ByteBuffer payload) {
                ByteBuffer copy = ByteBuffer.allocateDirect(payload.remaining()).put(payload).flip();
                boolean video = s.type() == StreamType.H264;
                units.add(new Object[] {video, s.pts(), s.dts(), s.randomAccess(), copy, video ? nalUnits(copy) : null});
            }
        });
        extract.feed(stream.duplicate());
        extract.endOfInput();
        return units;
    }

    @Benchmark
    @Scaling
    @Goal(minMBps = 4000, peer = "jcodec", minPeerRatio = 25, maxBytesPerUnit = 0, unit = "packets",
            peers = @Goal.Peer(name = "ffmpeg", minRatio = 3))
    public long tsDemux_streamwire(Counters counters) {
        fragments.feed(stream.duplicate());
        counters.bytes += stream.limit();
        counters.units += packets;
        return sink[0] + sink[1];
    }

    @Benchmark
    @Scaling
    @Goal(minMBps = 2500, unit = "packets", peers = @Goal.Peer(name = "ffmpeg", minRatio = 3))
    public long tsDemuxReassembled_streamwire(Counters counters) {
        reassembled.feed(stream.duplicate());
        counters.bytes += stream.limit();
        counters.units += packets;
        return sink[0] + sink[1];
    }

    @Benchmark
    public long tsDemux_jcodec(Counters counters) {
        try {
            MTSDemuxer mts = new MTSDemuxer(ByteBufferSeekableByteChannel.readFromByteBuffer(stream.duplicate()));
            List<MPSDemuxer> demuxers = new ArrayList<>();
            for (int pid : mts.getPrograms()) {
                demuxers.add(new MPSDemuxer(mts.getProgram(pid)));
            }
            ByteBuffer buffer = ByteBuffer.allocate(4 << 20);
            long pes = 0;
            long sum = 0;
            boolean more = true;
            while (more) {
                more = false;
                for (MPSDemuxer d : demuxers) {
                    buffer.clear();
                    PESPacket p = d.nextPacket(buffer);
                    if (p != null) {
                        pes++;
                        sum += p.pts + p.length;
                        more = true;
                    }
                }
            }
            counters.bytes += stream.limit();
            counters.units += packets;
            return pes + sum;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    @Goal(minMBps = 2000, maxBytesPerUnit = 0, unit = "packets", peers = @Goal.Peer(name = "ffmpeg", minRatio = 1))
    public long tsMux_streamwire(Counters counters) {
        TsMuxer muxer = muxer();
        ByteBuffer out = muxOut;
        out.clear();
        for (Object[] u : units) {
            ByteBuffer data = (ByteBuffer) u[4];
            if ((Boolean) u[0]) {
                muxer.writeVideo(data, (Long) u[1], (Long) u[2], (Boolean) u[3], out);
            } else {
                muxer.writeAudio(data, (Long) u[1], out);
            }
        }
        counters.bytes += out.position();
        counters.units += out.position() / 188;
        return out.position();
    }

    /**
     * The same access units given as NAL units without start codes ({@code TsMuxer.writeVideo(ByteBuffer[], …)},
     * start codes written by the muxer): the form for a caller holding NAL units (AVCC samples, RTP).
     */
    @Benchmark
    @Goal(minMBps = 2000, maxBytesPerUnit = 0, unit = "packets")
    public long tsMuxNalUnits_streamwire(Counters counters) {
        TsMuxer muxer = muxer();
        ByteBuffer out = muxOut;
        out.clear();
        for (Object[] u : units) {
            if ((Boolean) u[0]) {
                muxer.writeVideo((ByteBuffer[]) u[5], (Long) u[1], (Long) u[2], (Boolean) u[3], out);
            } else {
                muxer.writeAudio((ByteBuffer) u[4], (Long) u[1], out);
            }
        }
        counters.bytes += out.position();
        counters.units += out.position() / 188;
        return out.position();
    }

    /** Slices of the NAL units of an Annex B access unit, without their start codes. */
    private static ByteBuffer[] nalUnits(ByteBuffer au) {
        List<ByteBuffer> nals = new ArrayList<>();
        int end = au.limit();
        int start = -1;
        for (int i = au.position(); i + 3 <= end; i++) {
            if (au.get(i) == 0 && au.get(i + 1) == 0 && au.get(i + 2) == 1) {
                int stop = i > start && au.get(i - 1) == 0 ? i - 1 : i;
                if (start >= 0 && stop > start) {
                    nals.add(au.slice(start, stop - start));
                }
                start = i + 3;
                i += 2;
            }
        }
        if (start >= 0 && start < end) {
            nals.add(au.slice(start, end - start));
        }
        return nals.toArray(ByteBuffer[]::new);
    }

    private TsMuxer reusable;

    private TsMuxer muxer() {
        if (reusable == null) {
            reusable = new TsMuxer(TsMuxerConfig.h264Aac());
        }
        return reusable;
    }
}

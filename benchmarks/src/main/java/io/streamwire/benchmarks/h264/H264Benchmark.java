package io.streamwire.benchmarks.h264;

import io.streamwire.benchmarks.Counters;
import io.streamwire.benchmarks.Goal;
import io.streamwire.benchmarks.Main;
import io.streamwire.benchmarks.Scaling;
import io.streamwire.h264.AccessUnitScanner;
import io.streamwire.h264.AnnexBScanner;
import io.streamwire.core.internal.EmulationPrevention;
import io.streamwire.h264.H264Limits;
import io.streamwire.h264.Sps;
import io.streamwire.h264.VuiParameters;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.jcodec.codecs.h264.H264Utils;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The H.264 NAL layer over libx264's 720p fixture ({@code h264/bench-720p.h264}: 50 frames at
 * 2 Mbit/s, High profile with B-frames, about 0.5 MB) repeated in memory to 32 MiB, the size of
 * {@code CeilingBenchmark}'s buffers. Units are NAL units for the splitters, bytes for EP removal,
 * SPSs for SPS parsing and access units for assembly.
 *
 * <ul>
 *   <li>{@code nalSplit_streamwire}: {@link AnnexBScanner} over the heap buffer (reused scanner,
 *       nothing allocated per NAL unit); {@code nalSplit_jcodec}: jcodec 0.2.5
 *       {@code H264Utils.nextNALUnit} over the same heap buffer (a slice per NAL unit).</li>
 *   <li>{@code epRemoval_streamwire}: {@link EmulationPrevention#remove(ByteBuffer, int, int, byte[], int)}
 *       of the whole buffer into a reused array.</li>
 *   <li>{@code spsParse_streamwire}: {@link Sps#parse} of the fixture's SPS NAL unit (escaped, header
 *       included); {@code spsParse_jcodec}: {@code SeqParameterSet.read} of its unescaped RBSP (what
 *       jcodec's {@code H264Utils.readSPS} hands it).</li>
 *   <li>{@code accessUnits_streamwire}: {@link AccessUnitScanner} (NAL split, SPS/PPS repeat check,
 *       first slice header fields of every slice, §7.4.1.2.4 comparison), one pass.</li>
 * </ul>
 *
 * <p>FFmpeg 7.1.1's H.264 parser through JNI splits the same stream into access units in
 * {@link H264FfmpegBenchmark} ({@code accessUnits_ffmpeg}; target ≥ 1× it).
 *
 * <p>All state is per thread ({@link Scaling}). {@link H264Interleaved} runs the same methods
 * interleaved in one JVM (best of N rounds) as a sanity check on a shared machine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class H264Benchmark {
    static final int SIZE = 32 << 20;

    private ByteBuffer stream;
    private byte[] rbspOut;
    private final AnnexBScanner scanner = new AnnexBScanner();
    private final AccessUnitScanner accessUnits = new AccessUnitScanner(H264Limits.defaults());
    private ByteBuffer spsNal;
    private ByteBuffer spsRbsp;

    @Setup
    public void setUp() {
        byte[] one = Main.fixture("h264/bench-720p.h264");
        stream = stream();
        rbspOut = new byte[stream.limit()];
        ByteBuffer fixture = ByteBuffer.wrap(one);
        AnnexBScanner s = new AnnexBScanner().reset(fixture);
        while (s.next()) {
            if ((one[s.nalStart()] & 0x1F) == 7) {
                spsNal = ByteBuffer.wrap(one, s.nalStart(), s.nalLength()).slice();
                break;
            }
        }
        spsRbsp = EmulationPrevention.remove(spsNal.duplicate().position(1));
    }

    /** The fixture repeated to just under {@link #SIZE} bytes, a heap buffer (also read by {@link H264FfmpegBenchmark}). */
    static ByteBuffer stream() {
        return Main.repeated("h264/bench-720p.h264", SIZE);
    }

    @Benchmark
    @Goal(peer = "jcodec", minPeerRatio = 2, maxBytesPerUnit = 0, unit = "NAL units")
    @Scaling
    public long nalSplit_streamwire(Counters counters) {
        AnnexBScanner s = scanner.reset(stream);
        long nals = 0;
        long check = 0;
        while (s.next()) {
            nals++;
            check += s.nalLength();
        }
        counters.bytes += stream.limit();
        counters.units += nals;
        return check;
    }

    @Benchmark
    public long nalSplit_jcodec(Counters counters) {
        return jcodecSplit(stream, counters);
    }

    /**
     * jcodec 0.2.5's {@code H264Utils.nextNALUnit} over all of {@code stream} (a slice per NAL unit);
     * returns the NAL bytes. A start-code split, so also the nearest JVM peer for H.265 streams.
     */
    public static long jcodecSplit(ByteBuffer stream, Counters counters) {
        ByteBuffer in = stream.duplicate();
        long nals = 0;
        long check = 0;
        ByteBuffer nal;
        while ((nal = H264Utils.nextNALUnit(in)) != null) {
            nals++;
            check += nal.remaining();
        }
        counters.bytes += stream.limit();
        counters.units += nals;
        return check;
    }

    @Benchmark
    @Goal(minMBps = 2000, maxBytesPerUnit = 0, unit = "bytes")
    public int epRemoval_streamwire(Counters counters) {
        int n = EmulationPrevention.remove(stream, 0, stream.limit(), rbspOut, 0);
        counters.bytes += stream.limit();
        counters.units += stream.limit();
        return n;
    }

    @Benchmark
    @Goal(peer = "jcodec", minPeerRatio = 1.5, unit = "SPSs")
    public Sps spsParse_streamwire(Counters counters) {
        Sps sps = Sps.parse(spsNal.duplicate());
        counters.bytes += spsNal.remaining();
        counters.units++;
        return sps;
    }

    @Benchmark
    public SeqParameterSet spsParse_jcodec(Counters counters) {
        SeqParameterSet sps = SeqParameterSet.read(spsRbsp.duplicate());
        counters.bytes += spsNal.remaining();
        counters.units++;
        return sps;
    }


    @Benchmark
    @Goal(minMBps = 2000, maxBytesPerUnit = 0, unit = "access units",
            peers = @Goal.Peer(name = "ffmpeg", minRatio = 1))
    public long accessUnits_streamwire(Counters counters) {
        AccessUnitScanner s = accessUnits.reset(stream);
        long aus = 0;
        long keyframes = 0;
        while (s.next()) {
            aus++;
            keyframes += s.isKeyframe() ? 1 : 0;
        }
        counters.bytes += stream.limit();
        counters.units += aus;
        return keyframes;
    }
}

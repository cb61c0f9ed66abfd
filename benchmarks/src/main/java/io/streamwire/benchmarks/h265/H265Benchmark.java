package io.streamwire.benchmarks.h265;

import io.streamwire.benchmarks.Counters;
import io.streamwire.benchmarks.FullOnly;
import io.streamwire.benchmarks.Goal;
import io.streamwire.benchmarks.Main;
import io.streamwire.benchmarks.h264.H264Benchmark;
import io.streamwire.h265.H265Limits;
import io.streamwire.h265.HevcAccessUnit;
import io.streamwire.h265.HevcAccessUnitSplitter;
import io.streamwire.h265.HevcAnnexBScanner;
import io.streamwire.h265.HevcSps;
import io.streamwire.h265.NalUnitType;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The H.265 NAL layer over libx265's 720p fixture ({@code h265/bench-720p.h265}: 50 frames at 2 Mbit/s,
 * Main profile with B-frames, about 0.6 MB) repeated in memory to 32 MiB, the size of
 * {@code CeilingBenchmark}'s buffers. Units are NAL units for the splitters, SPSs for SPS parsing and
 * access units for assembly.
 *
 * <ul>
 *   <li>{@code nalSplit_streamwire}: {@link HevcAnnexBScanner} over the heap buffer (reused scanner,
 *       nothing allocated per NAL unit); {@code nalSplit_jcodec}: jcodec 0.2.5
 *       {@code H264Utils.nextNALUnit} over the same bytes (a slice per NAL unit). jcodec has no HEVC
 *       support at all; a start-code split does not depend on the codec, so its H.264 splitter is the
 *       nearest JVM peer and finds the same NAL units.</li>
 *   <li>{@code spsParse_streamwire}: {@link HevcSps#parse} of the fixture's SPS NAL unit (escaped,
 *       header included), every field of §7.3.2.2 with VUI; no JVM peer parses an HEVC SPS. Target: at
 *       most 300 ns.</li>
 *   <li>{@code accessUnits_streamwire}: {@link HevcAnnexBScanner} feeding {@link HevcAccessUnitSplitter}
 *       (§7.4.2.4.4: first_slice_segment_in_pic_flag, prefix NAL units, IRAP / RASL / RADL), one
 *       {@link HevcAccessUnit} record per access unit. Target: at least 2 GB/s.</li>
 * </ul>
 *
 * <p>The quick preset runs {@code nalSplit_streamwire} only; the peer and the other rows run in {@code --full}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class H265Benchmark {
    static final int SIZE = 32 << 20;

    private ByteBuffer stream;
    private final HevcAnnexBScanner scanner = new HevcAnnexBScanner();
    private final HevcAccessUnitSplitter splitter = new HevcAccessUnitSplitter(H265Limits.defaults());
    private ByteBuffer spsNal;

    @Setup
    public void setUp() {
        byte[] one = Main.fixture("h265/bench-720p.h265");
        stream = Main.repeated("h265/bench-720p.h265", SIZE);
        HevcAnnexBScanner s = new HevcAnnexBScanner().reset(ByteBuffer.wrap(one));
        while (s.next()) {
            if (s.nalUnitType() == NalUnitType.SPS_NUT) {
                spsNal = ByteBuffer.wrap(one, s.nalStart(), s.nalLength()).slice();
                break;
            }
        }
        if (spsNal == null) {
            throw new IllegalStateException("no SPS in h265/bench-720p.h265");
        }
        // both splitters must find the same NAL units, or the comparison means nothing
        long ours = nalSplit_streamwire(new Counters());
        long theirs = nalSplit_jcodec(new Counters());
        if (ours != theirs) {
            throw new IllegalStateException("NAL bytes differ: ours " + ours + ", jcodec " + theirs);
        }
    }

    @Benchmark
    @Goal(peer = "jcodec", minPeerRatio = 2, maxBytesPerUnit = 0, unit = "NAL units")
    public long nalSplit_streamwire(Counters counters) {
        HevcAnnexBScanner s = scanner.reset(stream);
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
    @FullOnly
    public long nalSplit_jcodec(Counters counters) {
        return H264Benchmark.jcodecSplit(stream, counters);
    }

    @Benchmark
    @FullOnly
    @Goal(maxNanosPerUnit = 300, unit = "SPSs")
    public HevcSps spsParse_streamwire(Counters counters) {
        HevcSps sps = HevcSps.parse(spsNal.duplicate());
        counters.bytes += spsNal.remaining();
        counters.units++;
        return sps;
    }

    @Benchmark
    @FullOnly
    @Goal(minMBps = 2000, unit = "access units")
    public long accessUnits_streamwire(Counters counters) {
        HevcAnnexBScanner s = scanner.reset(stream);
        HevcAccessUnitSplitter au = splitter;
        au.reset();
        long aus = 0;
        long keyframes = 0;
        while (s.next()) {
            if (au.push(stream, s.nalStart(), s.nalEnd(), s.nalStart())) {
                aus++;
                keyframes += au.completed().keyframe() ? 1 : 0;
            }
        }
        if (au.endAccessUnit()) {
            aus++;
        }
        counters.bytes += stream.limit();
        counters.units += aus;
        return keyframes;
    }
}

package io.streamwire.benchmarks.h264;

import io.streamwire.benchmarks.Counters;
import io.streamwire.benchmarks.Goal;
import io.streamwire.benchmarks.Main;
import io.streamwire.benchmarks.Scaling;
import io.streamwire.h264.AccessUnitScanner;
import io.streamwire.h264.AnnexBScanner;
import io.streamwire.h264.EmulationPrevention;
import io.streamwire.h264.H264Limits;
import io.streamwire.h264.Sps;
import io.streamwire.h264.VuiParameters;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
 *       jcodec's {@code H264Utils.readSPS} hands it); {@code spsReadChain_floor}: the same SPS's 42
 *       reads hand-written with no checks and no records, a floor for an in-order bit reader.</li>
 *   <li>{@code accessUnits_streamwire}: {@link AccessUnitScanner} (NAL split, SPS/PPS repeat check,
 *       first slice header fields of every slice, §7.4.1.2.4 comparison), one pass.</li>
 * </ul>
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
    /** The SPS's RBSP (no NAL header, no emulation prevention) with 16 zero bytes after it. */
    private byte[] spsRbspPadded;

    @Setup
    public void setUp() {
        byte[] one = Main.fixture("h264/bench-720p.h264");
        int copies = SIZE / one.length;
        ByteBuffer all = ByteBuffer.allocate(one.length * copies);
        for (int i = 0; i < copies; i++) {
            all.put(one);
        }
        stream = all.flip();
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
        spsRbspPadded = new byte[spsRbsp.remaining() + 16];
        spsRbsp.duplicate().get(spsRbspPadded, 0, spsRbsp.remaining());
        if (spsReadChain(spsRbspPadded) != spsReadChainExpected(Sps.parse(spsNal.duplicate()))) {
            throw new IllegalStateException("spsReadChain_floor was written for another SPS than the fixture's");
        }
    }

    @Benchmark
    @Goal(peer = "jcodec", minPeerRatio = 2, minCeilingFraction = 0.7, maxBytesPerUnit = 0, unit = "NAL units", source = "issue 3")
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
    @Goal(minMBps = 2000, maxBytesPerUnit = 0, unit = "bytes", source = "issue 3")
    public int epRemoval_streamwire(Counters counters) {
        int n = EmulationPrevention.remove(stream, 0, stream.limit(), rbspOut, 0);
        counters.bytes += stream.limit();
        counters.units += stream.limit();
        return n;
    }

    @Benchmark
    @Goal(peer = "jcodec", minPeerRatio = 3, unit = "SPSs", source = "issue 3")
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

    /**
     * A floor for any SPS parser that reads its bits in order; not a parser. The 42 reads of this
     * fixture's SPS (21 in seq_parameter_set_data(), 20 in its VUI, the stop bit) written out in one
     * method, the bit cache in local variables: no end, range or alignment checks, no errors, no
     * emulation prevention removal (the RBSP is unescaped in setup), no records. Each read depends on
     * the one before through the cache (a shift; for ue(v) a leading-zero count first), so this
     * measures the length of that dependency chain here: issue 3's SPS target (3× jcodec) has to fit a
     * whole parse into about the time jcodec's run divided by three, and the table shows this beside it.
     */
    @Benchmark
    public long spsReadChain_floor(Counters counters) {
        long h = spsReadChain(spsRbspPadded);
        counters.bytes += spsNal.remaining();
        counters.units++;
        return h;
    }

    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /**
     * The fixture's SPS read in order, the k-th value folded into {@code h += value << (7k mod 64)}:
     * a value read out of order changes the sum, and the fold adds one cycle per value beside the
     * read chain (the shift is off it). A {@code h = h * 31 + value} fold is a chain of its own,
     * longer than the reads, and overstated this floor by about a tenth. Cache {@code c} holds the
     * next bits left-aligned, {@code b} of them valid; a refill loads eight bytes at byte {@code n}
     * ({@code r} has 16 zero bytes past the RBSP).
     */
    static long spsReadChain(byte[] r) {
        long c = 0;
        int b = 0;
        int n = 0;
        int len;
        long h = 0;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        h += (c >>> 56) << 7; // profile_idc u(8)
        c <<= 8;
        b -= 8;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        h += (c >>> 58) << 14; // constraint_set_flags u(6)
        c <<= 6;
        b -= 6;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        h += (c >>> 62) << 21; // reserved_zero_2bits u(2)
        c <<= 2;
        b -= 2;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        h += (c >>> 56) << 28; // level_idc u(8)
        c <<= 8;
        b -= 8;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        len = 2 * Long.numberOfLeadingZeros(c) + 1; // seq_parameter_set_id ue(v)
        h += ((c >>> (64 - len)) - 1) << 35;
        c <<= len;
        b -= len;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        len = 2 * Long.numberOfLeadingZeros(c) + 1; // chroma_format_idc ue(v)
        h += ((c >>> (64 - len)) - 1) << 42;
        c <<= len;
        b -= len;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        len = 2 * Long.numberOfLeadingZeros(c) + 1; // bit_depth_luma_minus8 ue(v)
        h += ((c >>> (64 - len)) - 1) << 49;
        c <<= len;
        b -= len;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        len = 2 * Long.numberOfLeadingZeros(c) + 1; // bit_depth_chroma_minus8 ue(v)
        h += ((c >>> (64 - len)) - 1) << 56;
        c <<= len;
        b -= len;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        h += (c >>> 63) << 63; // qpprime_y_zero_transform_bypass_flag u(1)
        c <<= 1;
        b -= 1;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        h += (c >>> 63) << 6; // seq_scaling_matrix_present_flag u(1)
        c <<= 1;
        b -= 1;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        len = 2 * Long.numberOfLeadingZeros(c) + 1; // log2_max_frame_num_minus4 ue(v)
        h += ((c >>> (64 - len)) - 1) << 13;
        c <<= len;
        b -= len;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        len = 2 * Long.numberOfLeadingZeros(c) + 1; // pic_order_cnt_type ue(v)
        h += ((c >>> (64 - len)) - 1) << 20;
        c <<= len;
        b -= len;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        len = 2 * Long.numberOfLeadingZeros(c) + 1; // log2_max_pic_order_cnt_lsb_minus4 ue(v)
        h += ((c >>> (64 - len)) - 1) << 27;
        c <<= len;
        b -= len;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        len = 2 * Long.numberOfLeadingZeros(c) + 1; // max_num_ref_frames ue(v)
        h += ((c >>> (64 - len)) - 1) << 34;
        c <<= len;
        b -= len;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        h += (c >>> 63) << 41; // gaps_in_frame_num_value_allowed_flag u(1)
        c <<= 1;
        b -= 1;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        len = 2 * Long.numberOfLeadingZeros(c) + 1; // pic_width_in_mbs_minus1 ue(v)
        h += ((c >>> (64 - len)) - 1) << 48;
        c <<= len;
        b -= len;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        len = 2 * Long.numberOfLeadingZeros(c) + 1; // pic_height_in_map_units_minus1 ue(v)
        h += ((c >>> (64 - len)) - 1) << 55;
        c <<= len;
        b -= len;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        h += (c >>> 63) << 62; // frame_mbs_only_flag u(1)
        c <<= 1;
        b -= 1;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        h += (c >>> 63) << 5; // direct_8x8_inference_flag u(1)
        c <<= 1;
        b -= 1;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        h += (c >>> 63) << 12; // frame_cropping_flag u(1)
        c <<= 1;
        b -= 1;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        h += (c >>> 63) << 19; // vui_parameters_present_flag u(1)
        c <<= 1;
        b -= 1;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        h += (c >>> 63) << 26; // aspect_ratio_info_present_flag u(1)
        c <<= 1;
        b -= 1;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        h += (c >>> 56) << 33; // aspect_ratio_idc u(8)
        c <<= 8;
        b -= 8;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        h += (c >>> 63) << 40; // overscan_info_present_flag u(1)
        c <<= 1;
        b -= 1;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        h += (c >>> 63) << 47; // video_signal_type_present_flag u(1)
        c <<= 1;
        b -= 1;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        h += (c >>> 63) << 54; // chroma_loc_info_present_flag u(1)
        c <<= 1;
        b -= 1;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        h += (c >>> 63) << 61; // timing_info_present_flag u(1)
        c <<= 1;
        b -= 1;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        h += (c >>> 32) << 4; // num_units_in_tick u(32)
        c <<= 32;
        b -= 32;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        h += (c >>> 32) << 11; // time_scale u(32)
        c <<= 32;
        b -= 32;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        h += (c >>> 63) << 18; // fixed_frame_rate_flag u(1)
        c <<= 1;
        b -= 1;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        h += (c >>> 63) << 25; // nal_hrd_parameters_present_flag u(1)
        c <<= 1;
        b -= 1;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        h += (c >>> 63) << 32; // vcl_hrd_parameters_present_flag u(1)
        c <<= 1;
        b -= 1;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        h += (c >>> 63) << 39; // pic_struct_present_flag u(1)
        c <<= 1;
        b -= 1;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        h += (c >>> 63) << 46; // bitstream_restriction_flag u(1)
        c <<= 1;
        b -= 1;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        h += (c >>> 63) << 53; // motion_vectors_over_pic_boundaries_flag u(1)
        c <<= 1;
        b -= 1;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        len = 2 * Long.numberOfLeadingZeros(c) + 1; // max_bytes_per_pic_denom ue(v)
        h += ((c >>> (64 - len)) - 1) << 60;
        c <<= len;
        b -= len;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        len = 2 * Long.numberOfLeadingZeros(c) + 1; // max_bits_per_mb_denom ue(v)
        h += ((c >>> (64 - len)) - 1) << 3;
        c <<= len;
        b -= len;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        len = 2 * Long.numberOfLeadingZeros(c) + 1; // log2_max_mv_length_horizontal ue(v)
        h += ((c >>> (64 - len)) - 1) << 10;
        c <<= len;
        b -= len;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        len = 2 * Long.numberOfLeadingZeros(c) + 1; // log2_max_mv_length_vertical ue(v)
        h += ((c >>> (64 - len)) - 1) << 17;
        c <<= len;
        b -= len;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        len = 2 * Long.numberOfLeadingZeros(c) + 1; // max_num_reorder_frames ue(v)
        h += ((c >>> (64 - len)) - 1) << 24;
        c <<= len;
        b -= len;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        len = 2 * Long.numberOfLeadingZeros(c) + 1; // max_dec_frame_buffering ue(v)
        h += ((c >>> (64 - len)) - 1) << 31;
        c <<= len;
        b -= len;
        if (b < 32) {
            c |= (long) LONG_BE.get(r, n) >>> b;
            n += (63 - b) >>> 3;
            b |= 56;
        }
        h += (c >>> 63) << 38; // rbsp_stop_one_bit u(1)
        c <<= 1;
        b -= 1;
        return h;
    }

    /** The same fold over the values {@link Sps#parse} gave, in the order {@link #spsReadChain} reads them. */
    static long spsReadChainExpected(Sps s) {
        VuiParameters v = s.vuiParameters();
        long h = 0;
        h += (long) s.profileIdc() << 7;
        h += (long) s.constraintSetFlags() << 14;
        h += (long) s.reservedZero2bits() << 21;
        h += (long) s.levelIdc() << 28;
        h += (long) s.seqParameterSetId() << 35;
        h += (long) s.chromaFormatIdc() << 42;
        h += (long) s.bitDepthLumaMinus8() << 49;
        h += (long) s.bitDepthChromaMinus8() << 56;
        h += (long) b(s.qpprimeYZeroTransformBypassFlag()) << 63;
        h += (long) b(s.seqScalingMatrix() != null) << 6;
        h += (long) s.log2MaxFrameNumMinus4() << 13;
        h += (long) s.picOrderCntType() << 20;
        h += (long) s.log2MaxPicOrderCntLsbMinus4() << 27;
        h += (long) s.maxNumRefFrames() << 34;
        h += (long) b(s.gapsInFrameNumValueAllowedFlag()) << 41;
        h += (long) s.picWidthInMbsMinus1() << 48;
        h += (long) s.picHeightInMapUnitsMinus1() << 55;
        h += (long) b(s.frameMbsOnlyFlag()) << 62;
        h += (long) b(s.direct8x8InferenceFlag()) << 5;
        h += (long) b(s.frameCroppingFlag()) << 12;
        h += (long) b(v != null) << 19;
        h += (long) b(v.aspectRatioInfoPresentFlag()) << 26;
        h += (long) v.aspectRatioIdc() << 33;
        h += (long) b(v.overscanInfoPresentFlag()) << 40;
        h += (long) b(v.videoSignalTypePresentFlag()) << 47;
        h += (long) b(v.chromaLocInfoPresentFlag()) << 54;
        h += (long) b(v.timingInfoPresentFlag()) << 61;
        h += (long) v.numUnitsInTick() << 4;
        h += (long) v.timeScale() << 11;
        h += (long) b(v.fixedFrameRateFlag()) << 18;
        h += (long) b(v.nalHrdParameters() != null) << 25;
        h += (long) b(v.vclHrdParameters() != null) << 32;
        h += (long) b(v.picStructPresentFlag()) << 39;
        h += (long) b(v.bitstreamRestrictionFlag()) << 46;
        h += (long) b(v.motionVectorsOverPicBoundariesFlag()) << 53;
        h += (long) v.maxBytesPerPicDenom() << 60;
        h += (long) v.maxBitsPerMbDenom() << 3;
        h += (long) v.log2MaxMvLengthHorizontal() << 10;
        h += (long) v.log2MaxMvLengthVertical() << 17;
        h += (long) v.maxNumReorderFrames() << 24;
        h += (long) v.maxDecFrameBuffering() << 31;
        h += 1L << 38; // rbsp_stop_one_bit
        return h;
    }

    private static long b(boolean flag) {
        return flag ? 1 : 0;
    }

    @Benchmark
    @Goal(minMBps = 2000, maxBytesPerUnit = 0, unit = "access units", source = "issue 3")
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

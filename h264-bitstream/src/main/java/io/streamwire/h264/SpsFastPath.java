package io.streamwire.h264;

import java.util.List;

/**
 * The common shapes of seq_parameter_set_data() (ITU-T H.264 (08/2021) §7.3.2.1.1 with
 * vui_parameters() of Annex E) read in one method whose bit reader C2 can keep in registers; the
 * first step of {@link Sps#parse}, which falls back to {@link Sps#read} for everything else.
 *
 * <p><b>Why a second reader.</b> {@link Sps#read} and {@link VuiParameters#read} are too large for
 * C2 to inline into one method, so their {@link SpsReader} escapes and every read loads and stores
 * its cache, bit count and byte index through memory: about three quarters of the parse time went
 * there and to the reader's set-up, against a dependency chain of a few cycles per element
 * ({@code spsReadChain_floor} in the benchmarks). Here the reader state is a {@link Bits} object
 * allocated in {@link #read} and only passed to small static methods that C2 inlines, so escape
 * analysis replaces its fields by registers. Range checks are OR-ed into one word tested at the end
 * instead of a branch per element.
 *
 * <p><b>What it reads.</b> Every SPS except those with scaling matrices
 * (seq_scaling_matrix_present_flag 1), pic_order_cnt_type 1, HRD parameters in the VUI, or an
 * exp-Golomb code of 16 or more leading zero bits. x264, ffmpeg and the hardware encoders seen in
 * the fixtures write none of these in ordinary streams.
 *
 * <p><b>Same answer or none.</b> {@link #parse} returns either the {@link Sps} that {@link Sps#read}
 * returns for the same bytes, or null: for the shapes above, for any value the general reader
 * rejects (it then raises the error, naming the element), and for a read past the end of the RBSP.
 * It never throws. {@code SpsFastPathTest} checks this against the general reader on generated SPSs
 * of every shape and on every fixture, and {@code SpsTwoPassTest}'s fuzz target compares {@link Sps#parse}
 * with the exact general reader on every input.
 */
final class SpsFastPath {
    private SpsFastPath() {}

    /**
     * Reader state, fields only: {@link #read} allocates one and hands it to the small static read
     * methods below, which C2 inlines, so the object never escapes and its fields live in registers.
     * The RBSP is held as big-endian words rather than bytes: a refill is then two plain array loads,
     * where a VarHandle load would add some 450 bytes of inlined bytecode at each of the fifty read
     * sites and push the method past C2's inlining budget (which lets the reader escape again).
     */
    static final class Bits {
        /** The RBSP as big-endian words, followed by at least two zero words. */
        final long[] w;
        /** RBSP length in bits. */
        final int limit;
        /** The bits from {@link #p} on, left-aligned. */
        long c;
        /** Valid bits in {@link #c}. */
        int b;
        /** Bits read so far. */
        int p;
        /** Non-zero when a value was out of range, a code too long, or a read past the end. */
        int bad;

        Bits(long[] w, int limit) {
            this.w = w;
            this.limit = limit;
        }
    }

    /**
     * Reloads the cache from bit {@link Bits#p} when fewer than {@code need} bits are left (each read
     * asks for the most it may take, so most flags reload nothing). Past the end of the RBSP it
     * marks the parse bad and loads nothing, so every load stays within the array whatever the
     * input.
     */
    private static void refill(Bits s, int need) {
        if (s.b < need) {
            int p = s.p;
            if (p > s.limit) {
                s.bad = 1;
                return;
            }
            s.c = SpsReader.bitsAt(s.w, p);
            s.b = 64;
        }
    }

    /** u(n), 1 &le; n &le; 32, unsigned. */
    private static long u(Bits s, int n) {
        refill(s, n);
        long c = s.c;
        s.c = c << n;
        s.b -= n;
        s.p += n;
        return c >>> (64 - n);
    }

    /** u(1). */
    private static boolean flag(Bits s) {
        refill(s, 1);
        long c = s.c;
        s.c = c << 1;
        s.b--;
        s.p++;
        return c < 0;
    }

    /** ue(v) with at most 15 leading zero bits (values up to 65534); longer codes mark the parse bad. */
    private static int ue(Bits s) {
        refill(s, 31);
        long c = s.c;
        int lz = Long.numberOfLeadingZeros(c);
        if (lz > 15) {
            s.bad = 1;
            lz = 0;
        }
        int len = 2 * lz + 1;
        s.c = c << len;
        s.b -= len;
        s.p += len;
        return (int) (c >>> (64 - len)) - 1;
    }

    /** ue(v) that must lie in 0..max. */
    private static int ue(Bits s, int max) {
        int v = ue(s);
        s.bad |= Sps.outside(v, max);
        return v;
    }

    /**
     * The SPS in the RBSP words {@code w} ({@link SpsReader#unescape}), {@code length} bytes, or null
     * if it is not one of the shapes read here or is not valid (see the class comment).
     */
    static Sps read(long[] w, int length) {
        Bits s = new Bits(w, length * 8);
        int head = (int) u(s, 24);
        int profile = head >>> 16;
        int constraints = head >>> 10 & 0x3F;
        int reserved = head >>> 8 & 3;
        int level = head & 0xFF;
        int id = ue(s, 31);
        int chroma = 1;
        boolean separate = false;
        int lumaDepth = 0;
        int chromaDepth = 0;
        boolean bypass = false;
        if (Sps.hasChromaFields(profile)) {
            chroma = ue(s, 3);
            if (chroma == 3) {
                separate = flag(s);
            }
            lumaDepth = ue(s, 6);
            chromaDepth = ue(s, 6);
            bypass = flag(s);
            if (flag(s)) {
                return null; // seq_scaling_matrix_present_flag: the general reader
            }
        }
        int log2FrameNum = ue(s, 12);
        int pocType = ue(s, 2);
        int log2PocLsb = 0;
        if (pocType == 0) {
            log2PocLsb = ue(s, 12);
        } else if (pocType == 1) {
            return null;
        }
        int maxRefFrames = ue(s, 16);
        boolean gaps = flag(s);
        int width = ue(s, Sps.MAX_MBS_MINUS1);
        int height = ue(s, Sps.MAX_MBS_MINUS1);
        boolean frameMbsOnly = flag(s);
        boolean mbaff = !frameMbsOnly && flag(s);
        boolean direct8x8 = flag(s);
        boolean cropping = flag(s);
        int left = 0;
        int right = 0;
        int top = 0;
        int bottom = 0;
        if (cropping) {
            left = ue(s);
            right = ue(s);
            top = ue(s);
            bottom = ue(s);
            // the cropping must leave at least one column and one row (Sps.read names the element)
            if (Sps.croppedColumns(separate, chroma, left, right) >= Sps.codedColumns(width)
                    || Sps.croppedRows(separate, chroma, frameMbsOnly, top, bottom) >= Sps.codedRows(height, frameMbsOnly)) {
                return null;
            }
        }
        VuiParameters vui = null;
        // vui_parameters() without HRD parameters, as VuiParameters.read. Written out here rather than
        // called: a method this size is not inlined by C2, and passing it the reader would let the
        // reader escape to the heap.
        if (flag(s)) {
            boolean ar = flag(s);
            int arIdc = 0;
            int sw = 0;
            int sh = 0;
            if (ar) {
                arIdc = (int) u(s, 8);
                if (arIdc == VuiParameters.EXTENDED_SAR) {
                    sw = (int) u(s, 16);
                    sh = (int) u(s, 16);
                }
            }
            boolean overscan = flag(s);
            boolean overscanAppropriate = overscan && flag(s);
            boolean signal = flag(s);
            int format = 0;
            boolean fullRange = false;
            boolean colour = false;
            int primaries = 0;
            int transfer = 0;
            int matrix = 0;
            if (signal) {
                int v = (int) u(s, 5);
                format = v >>> 2;
                fullRange = (v & 2) != 0;
                colour = (v & 1) != 0;
                if (colour) {
                    int c = (int) u(s, 24);
                    primaries = c >>> 16;
                    transfer = c >>> 8 & 0xFF;
                    matrix = c & 0xFF;
                }
            }
            boolean chromaLoc = flag(s);
            int locTop = 0;
            int locBottom = 0;
            if (chromaLoc) {
                locTop = ue(s, 5);
                locBottom = ue(s, 5);
            }
            boolean timing = flag(s);
            long units = 0;
            long scale = 0;
            boolean fixed = false;
            if (timing) {
                units = u(s, 32);
                scale = u(s, 32);
                fixed = flag(s);
                // zero is an error in the general reader
                s.bad |= (units == 0 ? 1 : 0) | (scale == 0 ? 1 : 0);
            }
            // nal_hrd_parameters_present_flag, vcl_hrd_parameters_present_flag: HRD goes to the general reader
            if (u(s, 2) != 0) {
                return null;
            }
            boolean picStruct = flag(s);
            boolean restriction = flag(s);
            boolean mvOver = false;
            int bytesDenom = 0;
            int bitsDenom = 0;
            int mvH = 0;
            int mvV = 0;
            int reorder = 0;
            int dpb = 0;
            if (restriction) {
                mvOver = flag(s);
                bytesDenom = ue(s, 16);
                bitsDenom = ue(s, 16);
                mvH = ue(s, 16);
                mvV = ue(s, 16);
                reorder = ue(s, 16);
                dpb = ue(s, 16);
            }
            if (s.bad != 0) {
                return null; // also keeps out-of-range values away from the record's checks
            }
            vui = new VuiParameters(ar, arIdc, sw, sh, overscan, overscanAppropriate, signal, format, fullRange, colour,
                    primaries, transfer, matrix, chromaLoc, locTop, locBottom, timing, units, scale, fixed, null, null, false,
                    picStruct, restriction, mvOver, bytesDenom, bitsDenom, mvH, mvV, reorder, dpb);
        }
        // rbsp_trailing_bits(): the stop bit, zero bits to the byte boundary, all inside the RBSP
        if (!flag(s)) {
            return null;
        }
        int align = -s.p & 7;
        if ((align != 0 && u(s, align) != 0) || s.p > s.limit || s.bad != 0) {
            return null;
        }
        return new Sps(profile, constraints, reserved, level, id, chroma, separate, lumaDepth, chromaDepth, bypass, null,
                log2FrameNum, pocType, log2PocLsb, false, 0, 0, List.of(), maxRefFrames, gaps, width, height, frameMbsOnly,
                mbaff, direct8x8, cropping, left, right, top, bottom, vui);
    }
}

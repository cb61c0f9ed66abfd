package io.streamwire.benchmarks.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import org.bytedeco.javacpp.BytePointer;

/**
 * FFmpeg 7.1.1 through JNI (bytedeco's JavaCPP presets {@code org.bytedeco:ffmpeg:7.1.1-1.5.12}),
 * the peer a Java user reaches for when the pure-Java libraries fall short. Benchmark scope only:
 * no library module depends on it.
 *
 * <p>The natives travel in {@code benchmarks.jar} (classifier {@code linux-x86_64}); JavaCPP
 * extracts them to {@code ~/.javacpp/cache} on first use and loads them from there in every
 * JMH fork.
 *
 * <p>How the FFmpeg benchmarks count (the same in every area):
 * <ul>
 *   <li>Every JavaCPP call is a JNI crossing and is counted in {@link JniCalls#jniCalls}: the
 *       FFmpeg functions, every field getter or setter ({@code pkt.size()}), the copies in and out
 *       of native memory. Calls back from native into Java (the AVIO read and write callbacks) are
 *       counted in {@link JniCalls#upcalls}. Both are part of what a Java user pays, so the
 *       measured rate includes them; the table then subtracts them at the cost
 *       {@link FfmpegJniBenchmark} calibrates in the same run, to show FFmpeg's own time.</li>
 *   <li>Contexts, packets and callbacks are allocated once per benchmark state and reused, as a
 *       careful user would; native resources are freed in {@code @TearDown}.</li>
 *   <li>{@code -prof gc} sees the Java heap only: FFmpeg's native allocations (packet buffers)
 *       are not in the B/unit column.</li>
 * </ul>
 *
 * <p>Not thread-safe; each benchmark state has its own contexts.
 */
public final class Ffmpeg {
    /**
     * The AVIO buffer size of the memory input and output: 64 KiB, twice what FFmpeg's file
     * protocol uses (32 KiB), so callbacks are rare (about 350 per 23 MB pass) and the buffer stays
     * in the core's L2 cache.
     */
    public static final int AVIO_BUFFER_SIZE = 64 << 10;

    /** {@code AVFMT_FLAG_CUSTOM_IO} (libavformat/avformat.h), not exported as a Java constant. */
    static final int AVFMT_FLAG_CUSTOM_IO = 0x0080;

    private static boolean initialised;

    private Ffmpeg() {}

    /** Loads the natives (first use) and silences FFmpeg's log below errors. */
    public static synchronized void init() {
        if (!initialised) {
            av_log_set_level(AV_LOG_ERROR);
            initialised = true;
        }
    }

    /** Returns {@code ret} when it is not negative, else throws naming {@code what} and FFmpeg's error text. */
    public static int check(int ret, String what) {
        if (ret < 0) {
            throw new IllegalStateException("FFmpeg " + what + " failed: " + error(ret) + " (" + ret + ")");
        }
        return ret;
    }

    /** FFmpeg's text for an AVERROR code. */
    public static String error(int code) {
        try (BytePointer text = new BytePointer(256)) {
            av_strerror(code, text, 256);
            return text.getString();
        }
    }
}

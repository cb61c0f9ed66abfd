package io.streamwire.benchmarks.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avformat.avio_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avio_context_free;
import static org.bytedeco.ffmpeg.global.avformat.avio_read;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_count;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;

import io.streamwire.benchmarks.Counters;
import io.streamwire.benchmarks.FullOnly;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.Read_packet_Pointer_BytePointer_int;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What one JNI crossing into FFmpeg costs through JavaCPP, measured in the same run as the FFmpeg
 * benchmarks so the summary can split their time per unit into the bridge and FFmpeg's own work.
 * Units are crossings.
 *
 * <ul>
 *   <li>{@code jniCall_ffmpeg}: calls that do almost nothing on the native side, alternating a
 *       static function with a pointer argument ({@code av_dict_count}) and a field getter
 *       ({@code AVPacket.size()}): the two kinds the demux and parser loops make per packet.</li>
 *   <li>{@code jniUpcall_ffmpeg}: {@code avio_read} of 64 bytes from an AVIO context with a
 *       16-byte buffer, so each call goes down once and comes back up once into a Java read
 *       callback that returns at once (no copy). Units are upcalls; the summary takes the cost of
 *       an upcall as this time minus one {@code jniCall}. It includes the few AVIO instructions
 *       around the callback and JavaCPP's {@code BytePointer} for the callback's argument. Full
 *       preset only: the benchmarks make at most 0.1 upcall per unit (64 KiB AVIO buffers), so the
 *       quick run leaves upcalls unsubtracted and says so.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FfmpegJniBenchmark {
    private static final int CALLS = 1000;

    private AVPacket packet;
    private AVDictionary dictionary;
    private AVIOContext io;
    private BytePointer destination;
    private final Read_packet_Pointer_BytePointer_int read = new Read_packet_Pointer_BytePointer_int() {
        @Override
        public int call(Pointer opaque, BytePointer buf, int size) {
            return size;
        }
    };

    @Setup
    public void setUp() {
        Ffmpeg.init();
        packet = av_packet_alloc();
        dictionary = new AVDictionary(null);
        av_dict_set(dictionary, "key", "value", 0);
        io = avio_alloc_context(new BytePointer(av_malloc(16)), 16, 0, null, read, null, null);
        destination = new BytePointer(64);
    }

    @Benchmark
    public long jniCall_ffmpeg(Counters counters, JniCalls calls) {
        long check = 0;
        for (int i = 0; i < CALLS / 2; i++) {
            check += av_dict_count(dictionary);
            check += packet.size();
        }
        counters.units += CALLS;
        calls.jniCalls += CALLS;
        return check;
    }

    @Benchmark
    @FullOnly
    public long jniUpcall_ffmpeg(Counters counters, JniCalls calls) {
        long check = 0;
        for (int i = 0; i < CALLS / 10; i++) {
            check += avio_read(io, destination, 64);
        }
        if (check != 64L * (CALLS / 10)) {
            throw new IllegalStateException("avio_read returned " + check);
        }
        counters.units += CALLS / 10;
        calls.jniCalls += CALLS / 10;
        calls.upcalls += CALLS / 10;
        return check;
    }

    @TearDown
    public void tearDown() {
        av_packet_free(packet);
        av_dict_free(dictionary);
        av_free(io.buffer());
        avio_context_free(io);
        read.close();
        destination.close();
    }
}

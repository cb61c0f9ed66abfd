package io.streamwire.benchmarks.aac;

import io.streamwire.aac.AdtsDecoder;
import io.streamwire.aac.AdtsFrameView;
import io.streamwire.aac.AdtsHeader;
import io.streamwire.benchmarks.Counters;
import io.streamwire.benchmarks.Goal;
import io.streamwire.benchmarks.Main;
import io.streamwire.benchmarks.Scaling;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.jcodec.codecs.aac.ADTSParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * ADTS frame scan over ffmpeg's stereo 44.1 kHz fixture repeated to about 2 MB (about 7,600 frames),
 * confirming sync on every frame: each header is checked and the next one must follow where
 * aac_frame_length says. Units are frames.
 *
 * <ul>
 *   <li>{@code adtsScan_streamwire}: {@link AdtsDecoder} fed the whole buffer (frames handed out
 *       in place as a reusable view, next header checked before each frame is delivered).</li>
 *   <li>{@code adtsScan_jcodec}: jcodec 0.2.5 {@code ADTSParser.read} at each frame start (it returns
 *       null when the syncword is missing), moving by the header's frame size.</li>
 *   <li>{@code adtsHeaderWalk_streamwire}: {@link AdtsHeader#parse} record per frame (allocates).</li>
 * </ul>
 *
 * <p>FFmpeg 7.1.1's AAC parser through JNI frames the same bytes in {@link AdtsFfmpegBenchmark}
 * ({@code adtsScan_ffmpeg}; target ≥ 3× it).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AdtsBenchmark {
    private ByteBuffer stream;
    private AdtsDecoder decoder;
    private final FrameCounter counter = new FrameCounter();

    /** Counts frames and folds in one header field so the work cannot be skipped. */
    static final class FrameCounter implements AdtsDecoder.Listener {
        long frames;
        long check;

        @Override
        public void onFrame(AdtsFrameView frame) {
            frames++;
            check += frame.aacFrameLength();
        }
    }

    @Setup
    public void setUp() {
        stream = stream();
        decoder = new AdtsDecoder(counter);
    }

    /** The fixture repeated to about 2 MB, a heap buffer (also read by {@link AdtsFfmpegBenchmark}). */
    static ByteBuffer stream() {
        return Main.repeated("adts/sine-44100-stereo.aac", 2 << 20);
    }

    @Benchmark
    @Scaling
    @Goal(peer = "jcodec", minPeerRatio = 1.5, maxBytesPerUnit = 0, unit = "frames",
            peers = @Goal.Peer(name = "ffmpeg", minRatio = 3))
    public long adtsScan_streamwire(Counters counters) {
        ByteBuffer in = stream;
        in.position(0);
        counter.frames = 0;
        decoder.reset();
        decoder.feed(in);
        decoder.endOfInput();
        counters.bytes += in.limit();
        counters.units += counter.frames;
        return counter.check;
    }

    @Benchmark
    public long adtsScan_jcodec(Counters counters) {
        ByteBuffer in = stream;
        int position = 0;
        long frames = 0;
        long check = 0;
        while (position + 7 <= in.limit()) {
            in.position(position);
            ADTSParser.Header header = ADTSParser.read(in);
            if (header == null) {
                break;
            }
            check += header.getSize();
            position += header.getSize();
            frames++;
        }
        counters.bytes += in.limit();
        counters.units += frames;
        return check;
    }

    @Benchmark
    public int adtsHeaderWalk_streamwire(Counters counters) {
        ByteBuffer in = stream;
        int position = 0;
        int frames = 0;
        while (position < in.limit()) {
            in.position(position);
            position += AdtsHeader.parse(in).aacFrameLength();
            frames++;
        }
        counters.bytes += in.limit();
        counters.units += frames;
        return frames;
    }
}

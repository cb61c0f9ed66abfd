package io.streamwire.benchmarks.aac;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;

import io.streamwire.aac.AdtsDecoder;
import io.streamwire.aac.AdtsFrameView;
import io.streamwire.benchmarks.Counters;
import io.streamwire.benchmarks.ffmpeg.JniCalls;
import io.streamwire.benchmarks.ffmpeg.ParserPass;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * FFmpeg 7.1.1's AAC parser ({@code av_parser_init(AV_CODEC_ID_AAC)} + {@code av_parser_parse2},
 * through JNI, {@link ParserPass}) framing {@link AdtsBenchmark}'s 2 MB ADTS stream, beside
 * {@code adtsScan_streamwire} ({@link AdtsDecoder}). Units are frames. FFmpeg's parser syncs on
 * each ADTS header, reads its fields (sample rate, channels, frame length) into the codec context
 * and hands the frame out in place; each call's output size is read. Setup checks that both give
 * the same number of frames and bytes, twice for FFmpeg (a reused parser's second pass).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AdtsFfmpegBenchmark {
    private ParserPass parser;

    @Setup
    public void setUp() {
        ByteBuffer stream = AdtsBenchmark.stream();
        long[] ours = new long[2];
        AdtsDecoder decoder = new AdtsDecoder(new AdtsDecoder.Listener() {
            @Override
            public void onFrame(AdtsFrameView frame) {
                ours[0]++;
                ours[1] += frame.aacFrameLength();
            }
        });
        decoder.feed(stream.duplicate());
        decoder.endOfInput();
        parser = new ParserPass(AV_CODEC_ID_AAC, stream, false);
        for (int pass = 0; pass < 2; pass++) {
            parser.pass();
            if (parser.frames != ours[0] || parser.frameBytes != ours[1]) {
                throw new IllegalStateException("FFmpeg's AAC parser gave " + parser.frames + " frames of "
                        + parser.frameBytes + " bytes, AdtsDecoder " + ours[0] + " of " + ours[1] + ", pass " + pass);
            }
        }
    }

    @Benchmark
    public long adtsScan_ffmpeg(Counters counters, JniCalls calls) {
        calls.jniCalls += parser.pass();
        counters.bytes += parser.length();
        counters.units += parser.frames;
        return parser.frameBytes;
    }

    @TearDown
    public void tearDown() {
        parser.close();
    }
}

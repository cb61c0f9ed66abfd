package io.streamwire.benchmarks.h264;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;

import io.streamwire.benchmarks.Counters;
import io.streamwire.benchmarks.ffmpeg.JniCalls;
import io.streamwire.benchmarks.ffmpeg.ParserPass;
import io.streamwire.h264.AccessUnitScanner;
import io.streamwire.h264.H264Limits;
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
 * FFmpeg 7.1.1's H.264 parser ({@code av_parser_init(AV_CODEC_ID_H264)} + {@code av_parser_parse2},
 * through JNI, {@link ParserPass}) splitting {@link H264Benchmark}'s 32 MiB Annex B stream into
 * access units, beside {@code accessUnits_streamwire} ({@link AccessUnitScanner}). Units are
 * access units. Like the scanner, FFmpeg's parser finds the NAL units, parses SPS/PPS and the
 * first fields of each slice header to find where a picture starts, and marks key frames; each
 * frame's {@code key_frame} is read. Setup checks that both give the same number of access units
 * and key frames over the stream (twice for FFmpeg: the first pass and a reused parser's second).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class H264FfmpegBenchmark {
    private ParserPass parser;

    @Setup
    public void setUp() {
        ByteBuffer stream = H264Benchmark.stream();
        AccessUnitScanner scanner = new AccessUnitScanner(H264Limits.defaults()).reset(stream);
        long units = 0;
        long keys = 0;
        while (scanner.next()) {
            units++;
            keys += scanner.isKeyframe() ? 1 : 0;
        }
        parser = new ParserPass(AV_CODEC_ID_H264, stream, true);
        for (int pass = 0; pass < 2; pass++) {
            parser.pass();
            if (parser.frames != units || parser.keyFrames != keys || parser.frameBytes != stream.remaining()) {
                throw new IllegalStateException("FFmpeg's H.264 parser gave " + parser.frames + " access units ("
                        + parser.keyFrames + " key, " + parser.frameBytes + " bytes), AccessUnitScanner " + units + " ("
                        + keys + " key, " + stream.remaining() + " bytes), pass " + pass);
            }
        }
    }

    @Benchmark
    public long accessUnits_ffmpeg(Counters counters, JniCalls calls) {
        calls.jniCalls += parser.pass();
        counters.bytes += parser.length();
        counters.units += parser.frames;
        return parser.keyFrames;
    }

    @TearDown
    public void tearDown() {
        parser.close();
    }
}

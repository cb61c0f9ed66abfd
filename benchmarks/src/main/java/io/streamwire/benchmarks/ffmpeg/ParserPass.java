package io.streamwire.benchmarks.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.av_parser_close;
import static org.bytedeco.ffmpeg.global.avcodec.av_parser_init;
import static org.bytedeco.ffmpeg.global.avcodec.av_parser_parse2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParserContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * One pass of an FFmpeg bitstream parser ({@code av_parser_parse2}) over an elementary stream held
 * in native memory: the caller's bytes are copied there once, in the constructor (padded with
 * {@code AV_INPUT_BUFFER_PADDING_SIZE} zero bytes as FFmpeg requires), so no pass pays a copy
 * from the Java heap; this favours FFmpeg over a user holding the bytes in a {@code byte[]}.
 *
 * <p>Each call gives the parser everything from the current offset to the end; it returns how
 * much it consumed and, when a frame (access unit) ended, a pointer into the input and its size
 * (zero-copy while a frame lies inside the input). A final call with no bytes flushes the last
 * frame. The parser and its codec context are created once and reused from pass to pass (the
 * flush leaves the parser ready for the next stream). JNI calls per parser call: the call and
 * the read of the output size, plus {@code key_frame} per frame when asked for.
 *
 * <p>Not thread-safe: one per benchmark state.
 */
public final class ParserPass implements AutoCloseable {
    private final int length;
    private final BytePointer in;
    private final AVCodecParserContext parser;
    private final AVCodecContext codec;
    private final BytePointer out = new BytePointer((Pointer) null);
    private final IntPointer outSize = new IntPointer(1);
    private final boolean readKeyFrames;
    /** Frames of the last pass. */
    public long frames;
    /** Frames the parser marked as key frames in the last pass (when asked for). */
    public long keyFrames;
    /** Output bytes of the last pass. */
    public long frameBytes;

    /**
     * @param codecId {@code AV_CODEC_ID_H264}, {@code AV_CODEC_ID_AAC}...
     * @param stream the elementary stream, from its position to its limit (not changed)
     * @param readKeyFrames whether each frame's {@code key_frame} is read
     */
    public ParserPass(int codecId, ByteBuffer stream, boolean readKeyFrames) {
        Ffmpeg.init();
        byte[] bytes = new byte[stream.remaining()];
        stream.duplicate().get(bytes);
        length = bytes.length;
        in = new BytePointer((long) length + AV_INPUT_BUFFER_PADDING_SIZE).fill(0);
        in.put(bytes, 0, length);
        parser = av_parser_init(codecId);
        if (parser == null || parser.isNull()) {
            throw new IllegalStateException("FFmpeg has no parser for codec id " + codecId);
        }
        codec = avcodec_alloc_context3(null);
        this.readKeyFrames = readKeyFrames;
    }

    /** Input bytes per pass. */
    public int length() {
        return length;
    }

    /** One pass over the whole input, flushed at the end; returns the JNI calls made. */
    public long pass() {
        BytePointer input = in;
        int offset = 0;
        long calls = 0;
        long count = 0;
        long keys = 0;
        long bytes = 0;
        while (true) {
            int remaining = length - offset;
            int used = av_parser_parse2(parser, codec, out, outSize, input.position(offset), remaining, AV_NOPTS_VALUE,
                    AV_NOPTS_VALUE, 0);
            int size = outSize.get();
            calls += 2;
            if (used < 0) {
                Ffmpeg.check(used, "av_parser_parse2");
            }
            offset += used;
            if (size > 0) {
                count++;
                bytes += size;
                if (readKeyFrames) {
                    keys += parser.key_frame();
                    calls++;
                }
            }
            if (remaining == 0) {
                break;
            }
        }
        frames = count;
        keyFrames = keys;
        frameBytes = bytes;
        return calls;
    }

    @Override
    public void close() {
        av_parser_close(parser);
        avcodec_free_context(codec);
        in.close();
        outSize.close();
    }
}

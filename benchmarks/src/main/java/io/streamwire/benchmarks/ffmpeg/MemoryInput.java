package io.streamwire.benchmarks.ffmpeg;

import static org.bytedeco.ffmpeg.global.avformat.av_find_input_format;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avio_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avio_context_free;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;

import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.Read_packet_Pointer_BytePointer_int;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * An FFmpeg demuxer reading a Java {@code byte[]} through a custom {@code AVIOContext}: its read
 * callback copies the next bytes of the array into FFmpeg's {@value Ffmpeg#AVIO_BUFFER_SIZE}-byte
 * AVIO buffer (one {@code BytePointer.put} per callback). No file I/O anywhere. The format is
 * named, so nothing is probed.
 *
 * <p>Cyclic inputs never end: the read callback starts again at byte 0 after the last byte, so
 * one context demuxes the same bytes pass after pass (for a stream that joins seamlessly, as the
 * TS benchmark's does). Otherwise {@link #open()} starts at byte 0 and the demuxer sees
 * {@code AVERROR_EOF} after the last byte.
 *
 * <p>The copy into the AVIO buffer is counted as FFmpeg's own work, not as JNI overhead: every
 * FFmpeg input (the file protocol's {@code read()}) copies each byte into that buffer once.
 *
 * <p>Not thread-safe: one per benchmark state.
 */
public final class MemoryInput implements AutoCloseable {
    private final byte[] data;
    private final boolean cyclic;
    private final AVInputFormat format;
    private final String fflags;
    private int readOffset;
    private long jniCalls;
    private long upcalls;
    private AVFormatContext context;
    private AVIOContext io;
    /** Kept in a field: JavaCPP's native thunk must outlive every context that calls it. */
    private final Read_packet_Pointer_BytePointer_int read = new Read_packet_Pointer_BytePointer_int() {
        @Override
        public int call(Pointer opaque, BytePointer buf, int size) {
            upcalls++;
            int n = Math.min(size, data.length - readOffset);
            if (n <= 0) {
                return AVERROR_EOF;
            }
            buf.put(data, readOffset, n);
            jniCalls++;
            readOffset += n;
            if (cyclic && readOffset == data.length) {
                readOffset = 0;
            }
            return n;
        }
    };

    /**
     * @param data the bytes, read in place (not copied)
     * @param formatName the FFmpeg demuxer ({@code "mpegts"}, {@code "flv"})
     * @param fflags the demuxer's {@code fflags} option, e.g. {@code "noparse+nofillin"}
     * @param cyclic whether the input restarts at byte 0 instead of ending
     */
    public MemoryInput(byte[] data, String formatName, String fflags, boolean cyclic) {
        Ffmpeg.init();
        this.data = data;
        this.cyclic = cyclic;
        this.fflags = fflags;
        this.format = av_find_input_format(formatName);
        if (format == null || format.isNull()) {
            throw new IllegalStateException("FFmpeg has no demuxer " + formatName);
        }
    }

    /** Opens a demuxer context at byte 0 (close the previous one first with {@link #closeContext()}). */
    public AVFormatContext open() {
        if (context != null) {
            throw new IllegalStateException("context still open");
        }
        readOffset = 0;
        io = avio_alloc_context(new BytePointer(av_malloc(Ffmpeg.AVIO_BUFFER_SIZE)), Ffmpeg.AVIO_BUFFER_SIZE, 0, null, read,
                null, null);
        AVFormatContext opened = avformat_alloc_context();
        opened.pb(io);
        AVDictionary options = new AVDictionary(null);
        av_dict_set(options, "fflags", fflags, 0);
        int ret = avformat_open_input(opened, (String) null, format, options);
        av_dict_free(options);
        jniCalls += 7; // av_malloc, avio_alloc_context, avformat_alloc_context, pb(), av_dict_set, open, av_dict_free
        if (ret < 0) {
            freeIo();
            Ffmpeg.check(ret, "avformat_open_input");
        }
        context = opened;
        return context;
    }

    /** Closes the demuxer context and frees its AVIO context and buffer. */
    public void closeContext() {
        if (context != null) {
            avformat_close_input(context);
            jniCalls++;
            context = null;
        }
        freeIo();
    }

    private void freeIo() {
        if (io != null) {
            av_free(io.buffer());
            avio_context_free(io);
            jniCalls += 3;
            io = null;
        }
    }

    /** JNI calls made by the callback and by open/close since the last take, then zero. */
    public long takeJniCalls() {
        long n = jniCalls;
        jniCalls = 0;
        return n;
    }

    /** Read callbacks since the last take, then zero. */
    public long takeUpcalls() {
        long n = upcalls;
        upcalls = 0;
        return n;
    }

    @Override
    public void close() {
        closeContext();
        read.close();
    }
}

package io.streamwire.benchmarks.ffmpeg;

import static org.bytedeco.ffmpeg.global.avformat.avio_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avio_context_free;
import static org.bytedeco.ffmpeg.global.avformat.avio_flush;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;

import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.Write_packet_Pointer_BytePointer_int;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * A write-only {@code AVIOContext} for an FFmpeg muxer whose write callback copies each flushed
 * {@value Ffmpeg#AVIO_BUFFER_SIZE}-byte AVIO buffer into a Java {@code byte[]} (one
 * {@code BytePointer.get} per callback). {@link #rewind()} starts over at index 0; the copy is
 * counted as FFmpeg's own output work (its file protocol copies the same buffer with
 * {@code write()}).
 *
 * <p>Not thread-safe: one per benchmark state.
 */
public final class MemoryOutput implements AutoCloseable {
    private final byte[] out;
    private int length;
    private long jniCalls;
    private long upcalls;
    private AVIOContext io;
    private final Write_packet_Pointer_BytePointer_int write = new Write_packet_Pointer_BytePointer_int() {
        @Override
        public int call(Pointer opaque, BytePointer buf, int size) {
            upcalls++;
            if (size > out.length - length) {
                return -1; // EPERM: the muxer reports it, Ffmpeg.check throws
            }
            buf.get(out, length, size);
            jniCalls++;
            length += size;
            return size;
        }
    };

    /** An output holding up to {@code capacity} bytes between rewinds. */
    public MemoryOutput(int capacity) {
        Ffmpeg.init();
        out = new byte[capacity];
        io = avio_alloc_context(new BytePointer(av_malloc(Ffmpeg.AVIO_BUFFER_SIZE)), Ffmpeg.AVIO_BUFFER_SIZE, 1, null, null,
                write, null);
    }

    /** The context to give the muxer ({@code AVFormatContext.pb}). */
    public AVIOContext io() {
        return io;
    }

    /** Hands every byte the muxer has written to the write callback. */
    public void flush() {
        avio_flush(io);
        jniCalls++;
    }

    /** Forgets the bytes received so far; the next callback writes at index 0. */
    public void rewind() {
        length = 0;
    }

    /** Bytes received since the last rewind. */
    public int length() {
        return length;
    }

    /** The array the callback writes into (valid up to {@link #length()}). */
    public byte[] bytes() {
        return out;
    }

    /** JNI calls made since the last take, then zero. */
    public long takeJniCalls() {
        long n = jniCalls;
        jniCalls = 0;
        return n;
    }

    /** Write callbacks since the last take, then zero. */
    public long takeUpcalls() {
        long n = upcalls;
        upcalls = 0;
        return n;
    }

    @Override
    public void close() {
        if (io != null) {
            av_free(io.buffer());
            avio_context_free(io);
            io = null;
        }
        write.close();
    }
}

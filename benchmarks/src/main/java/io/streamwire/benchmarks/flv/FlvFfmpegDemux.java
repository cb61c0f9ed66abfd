package io.streamwire.benchmarks.flv;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;

import io.streamwire.benchmarks.Counters;
import io.streamwire.benchmarks.ffmpeg.Ffmpeg;
import io.streamwire.benchmarks.ffmpeg.JniCalls;
import io.streamwire.benchmarks.ffmpeg.MemoryInput;
import io.streamwire.flv.FlvDecoder;
import io.streamwire.flv.FlvTag;
import io.streamwire.flv.FlvTagHeader;
import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;

/**
 * One FLV pass through FFmpeg 7.1.1's {@code flv} demuxer over a {@link MemoryInput}: open the
 * demuxer at byte 0, {@code av_read_frame} to the end (each packet's stream index, PTS, DTS, size
 * and flags read, then {@code av_packet_unref} of one reused {@code AVPacket}), close. A file has
 * a header, so each pass opens a context, as a user opening a recording would; the AVPacket and
 * the read callback are reused. {@code fflags=noparse+nofillin} as for TS: without it FFmpeg
 * also runs its H.264 parser over each video packet's NAL units (the FLV demuxer asks for header
 * parsing), which FlvDecoder does not do.
 *
 * <p>FFmpeg makes no packet of the onMetaData tag (it reads it into the format's metadata), of
 * the AVC and AAC sequence headers (they become extradata) nor of an AVC end of sequence (no
 * payload), so the constructor checks that it gives as many packets as the input has tags minus
 * those, counted with {@link FlvDecoder}.
 * Units credited are the input's tags, as for {@code flvTagScan} and {@code flvTagParse}.
 *
 * <p>Not thread-safe: one per benchmark state.
 */
final class FlvFfmpegDemux implements AutoCloseable {
    /** JNI calls per packet: av_read_frame, stream_index, pts, dts, size, flags, av_packet_unref. */
    private static final int CALLS_PER_PACKET = 7;

    private final byte[] file;
    private final long tags;
    private final long expectedPackets;
    private final MemoryInput input;
    private final AVPacket packet;
    /** What the last pass read from the packets (returned to JMH by the benchmarks). */
    long check;

    FlvFfmpegDemux(ByteBuffer in) {
        Ffmpeg.init();
        file = new byte[in.remaining()];
        in.duplicate().get(file);
        long[] count = new long[2];
        FlvDecoder decoder = new FlvDecoder(new FlvDecoder.Listener() {
            @Override
            public void onTag(FlvTag tag) {
                count[0]++;
                int type = tag.tagType();
                ByteBuffer b = tag.buffer();
                int body = tag.bodyIndex();
                boolean avc = type == FlvTagHeader.VIDEO && tag.dataSize() >= 2 && (b.get(body) & 0x0F) == 7;
                boolean aac = type == FlvTagHeader.AUDIO && tag.dataSize() >= 2 && (b.get(body) & 0xF0) == 0xA0;
                // AVCPacketType 0 / AACPacketType 0: sequence header; AVCPacketType 2: end of sequence (no frame)
                boolean noFrame = avc && (b.get(body + 1) == 0 || b.get(body + 1) == 2) || aac && b.get(body + 1) == 0;
                if (type == FlvTagHeader.SCRIPT_DATA || noFrame) {
                    count[1]++;
                }
            }
        });
        decoder.feed(ByteBuffer.wrap(file));
        decoder.endOfInput();
        tags = count[0];
        expectedPackets = count[0] - count[1];
        input = new MemoryInput(file, "flv", "noparse+nofillin", false);
        packet = av_packet_alloc();
        long packets = pass(new Counters(), new JniCalls());
        if (packets != expectedPackets) {
            throw new IllegalStateException("FFmpeg demuxed " + packets + " packets; the input has " + tags
                    + " tags of which " + expectedPackets + " are audio/video frames");
        }
    }

    /** One pass over the file; returns the packets FFmpeg produced. */
    long pass(Counters counters, JniCalls calls) {
        AVFormatContext c = input.open();
        AVPacket p = packet;
        long packets = 0;
        long check = 0;
        int ret;
        while ((ret = av_read_frame(c, p)) >= 0) {
            packets++;
            check += p.stream_index() + p.pts() + p.dts() + p.size() + p.flags();
            av_packet_unref(p);
        }
        input.closeContext();
        if (ret != AVERROR_EOF) {
            Ffmpeg.check(ret, "av_read_frame");
        }
        calls.jniCalls += packets * CALLS_PER_PACKET + 1 + input.takeJniCalls();
        calls.upcalls += input.takeUpcalls();
        counters.bytes += file.length;
        counters.units += tags;
        this.check = check;
        return packets;
    }

    @Override
    public void close() {
        input.close();
        av_packet_free(packet);
    }
}

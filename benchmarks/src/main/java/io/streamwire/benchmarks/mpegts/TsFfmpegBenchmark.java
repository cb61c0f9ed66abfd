package io.streamwire.benchmarks.mpegts;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;

import io.streamwire.benchmarks.Counters;
import io.streamwire.benchmarks.PeerOf;
import io.streamwire.benchmarks.ffmpeg.Ffmpeg;
import io.streamwire.benchmarks.ffmpeg.JniCalls;
import io.streamwire.benchmarks.ffmpeg.MemoryInput;
import io.streamwire.benchmarks.ffmpeg.MemoryOutput;
import io.streamwire.core.Interest;
import io.streamwire.mpegts.TsDemuxer;
import io.streamwire.mpegts.TsMuxer;
import io.streamwire.mpegts.TsMuxerConfig;
import io.streamwire.mpegts.TsStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacpp.BytePointer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * FFmpeg 7.1.1's MPEG-TS demuxer and muxer through JNI ({@link Ffmpeg}) on {@link TsBenchmark}'s
 * bytes: the same 64 s stream in memory, the same access units. Units are the 188-byte packets
 * of that stream, as for every {@code tsDemux} / {@code tsMux} method, so the ratio compares time
 * per pass.
 *
 * <ul>
 *   <li>{@code tsDemux_ffmpeg}: {@code avformat_open_input} with the {@code mpegts} demuxer over a
 *       {@link MemoryInput} (once, in setup; the input restarts at byte 0 after the last byte, as
 *       the stream joins seamlessly) and {@code av_read_frame} until one pass of PES packets is
 *       read; each packet's stream index, PTS, DTS and size are read, then
 *       {@code av_packet_unref} (one reused {@code AVPacket}). {@code fflags=noparse+nofillin}:
 *       packets are whole PES payloads, as TsDemuxer hands out; with FFmpeg's default the H.264 and
 *       AAC parsers also re-split them into frames (145 packets per 2 s instead of 56), work
 *       TsDemuxer does not do. Setup checks that one pass gives as many packets as TsDemuxer
 *       gives PES packets. Compared with {@code tsDemux} (fragments) and {@code tsDemuxReassembled}
 *       (whole payloads, the same output).</li>
 *   <li>{@code tsMux_ffmpeg}: the {@code mpegts} muxer writing {@link TsBenchmark}'s access units
 *       (held once in native memory) with {@code av_write_frame} into a {@link MemoryOutput}
 *       ({@code pes_payload_size=0}, so each audio packet is its own PES as with TsMuxer), flushed
 *       at the end of each pass. Timestamps are made increasing (FFmpeg refuses a DTS that goes
 *       back, where the source jumps back every 2 s) and move on by one pass span per pass. Setup
 *       checks with TsDemuxer that the output holds one PES per access unit. Bytes and units
 *       credited are those of TsMuxer's output for the same access units.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TsFfmpegBenchmark {
    static final String FFLAGS = "noparse+nofillin";
    /** JNI calls per demuxed packet: av_read_frame, stream_index, pts, dts, size, av_packet_unref. */
    private static final int DEMUX_CALLS = 6;
    /** JNI calls per muxed access unit: data, size, stream_index, pts, dts, flags, av_write_frame. */
    private static final int MUX_CALLS = 7;

    private byte[] stream;
    private long packets;
    private long pesPerPass;
    private MemoryInput input;
    private AVFormatContext demuxer;
    private AVPacket packet;

    private int units;
    private BytePointer unitBytes;
    private int[] offset;
    private int[] size;
    private int[] streamIndex;
    private long[] pts;
    private long[] dts;
    private boolean[] key;
    private long passSpan;
    private long pass;
    private long oursBytes;
    private MemoryOutput output;
    private AVFormatContext muxer;
    private AVPacket muxPacket;

    @Setup
    public void setUp() {
        Ffmpeg.init();
        stream = TsBenchmark.stream64s();
        packets = stream.length / 188;
        packet = av_packet_alloc();
        long ours = pesCount(ByteBuffer.wrap(stream));
        long theirs = 0;
        try (MemoryInput once = new MemoryInput(stream, "mpegts", FFLAGS, false)) {
            AVFormatContext c = once.open();
            int ret;
            while ((ret = av_read_frame(c, packet)) >= 0) {
                theirs++;
                av_packet_unref(packet);
            }
            if (ret != AVERROR_EOF) {
                Ffmpeg.check(ret, "av_read_frame");
            }
        }
        if (ours != theirs) {
            throw new IllegalStateException("FFmpeg demuxed " + theirs + " packets, TsDemuxer " + ours + " PES packets");
        }
        pesPerPass = ours;
        input = new MemoryInput(stream, "mpegts", FFLAGS, true);
        demuxer = input.open();
        setUpMuxer();
    }

    private static long pesCount(ByteBuffer ts) {
        long[] count = new long[1];
        TsDemuxer demuxer = new TsDemuxer(new TsDemuxer.Listener() {
            @Override
            public Interest onPesStart(TsStream s) {
                return Interest.WHOLE;
            }

            @Override
            public void onPes(TsStream s, ByteBuffer payload) {
                count[0]++;
            }
        });
        demuxer.feed(ts);
        demuxer.endOfInput();
        return count[0];
    }

    private void setUpMuxer() {
        List<Object[]> list = TsBenchmark.accessUnits(ByteBuffer.allocateDirect(stream.length).put(stream).flip());
        units = list.size();
        offset = new int[units];
        size = new int[units];
        streamIndex = new int[units];
        pts = new long[units];
        dts = new long[units];
        key = new boolean[units];
        int total = 0;
        for (Object[] u : list) {
            total += ((ByteBuffer) u[4]).remaining();
        }
        unitBytes = new BytePointer((long) total + AV_INPUT_BUFFER_PADDING_SIZE).fill(0);
        long[] last = {Long.MIN_VALUE, Long.MIN_VALUE};
        long[] first = {Long.MIN_VALUE, Long.MIN_VALUE};
        long[] gap = {0, 0};
        long[] shift = {0, 0};
        TsMuxer ours = new TsMuxer(TsMuxerConfig.h264Aac());
        ByteBuffer oursOut = ByteBuffer.allocateDirect(stream.length * 2);
        int at = 0;
        for (int i = 0; i < units; i++) {
            Object[] u = list.get(i);
            ByteBuffer data = (ByteBuffer) u[4];
            byte[] bytes = new byte[data.remaining()];
            data.duplicate().get(bytes);
            unitBytes.position(at).put(bytes, 0, bytes.length);
            offset[i] = at;
            size[i] = bytes.length;
            at += bytes.length;
            int s = (Boolean) u[0] ? 0 : 1;
            streamIndex[i] = s;
            key[i] = (Boolean) u[3];
            long rawPts = (Long) u[1];
            long rawDts = (Long) u[2];
            if (last[s] != Long.MIN_VALUE && rawDts + shift[s] <= last[s]) {
                shift[s] = last[s] + gap[s] - rawDts; // the source jumped back: continue one frame later
            }
            dts[i] = rawDts + shift[s];
            pts[i] = rawPts + shift[s];
            if (last[s] != Long.MIN_VALUE) {
                gap[s] = dts[i] - last[s];
            } else {
                first[s] = dts[i];
            }
            last[s] = dts[i];
            if (s == 0) {
                ours.writeVideo(data.duplicate(), rawPts, rawDts, key[i], oursOut);
            } else {
                ours.writeAudio(data.duplicate(), rawPts, oursOut);
            }
        }
        unitBytes.position(0);
        oursBytes = oursOut.position();
        passSpan = Math.max(last[0] - first[0] + gap[0], last[1] - first[1] + gap[1]);

        output = new MemoryOutput(stream.length * 2);
        muxer = new AVFormatContext(null);
        Ffmpeg.check(avformat_alloc_output_context2(muxer, null, "mpegts", (String) null), "avformat_alloc_output_context2");
        AVStream video = avformat_new_stream(muxer, null);
        video.codecpar().codec_type(AVMEDIA_TYPE_VIDEO).codec_id(AV_CODEC_ID_H264).width(1280).height(720);
        video.time_base(av_make_q(1, 90_000));
        AVStream audio = avformat_new_stream(muxer, null);
        audio.codecpar().codec_type(AVMEDIA_TYPE_AUDIO).codec_id(AV_CODEC_ID_AAC).sample_rate(48_000);
        av_channel_layout_default(audio.codecpar().ch_layout(), 2);
        audio.time_base(av_make_q(1, 90_000));
        muxer.pb(output.io());
        AVDictionary options = new AVDictionary(null);
        av_dict_set(options, "pes_payload_size", "0", 0);
        Ffmpeg.check(avformat_write_header(muxer, options), "avformat_write_header");
        av_dict_free(options);
        muxPacket = av_packet_alloc();

        muxPass();
        long written = pesCount(ByteBuffer.wrap(output.bytes(), 0, output.length()));
        if (written != units) {
            throw new IllegalStateException("FFmpeg muxed " + written + " PES packets for " + units + " access units");
        }
        System.out.printf("FFmpeg mpegts muxer: %d bytes (%d packets) per pass where TsMuxer writes %d (%d)%n",
                output.length(), output.length() / 188, oursBytes, oursBytes / 188);
    }

    @Benchmark
    @PeerOf("tsDemuxReassembled")
    public long tsDemux_ffmpeg(Counters counters, JniCalls calls) {
        AVFormatContext c = demuxer;
        AVPacket p = packet;
        long check = 0;
        for (long i = 0; i < pesPerPass; i++) {
            Ffmpeg.check(av_read_frame(c, p), "av_read_frame");
            check += p.stream_index() + p.pts() + p.dts() + p.size();
            av_packet_unref(p);
        }
        calls.jniCalls += pesPerPass * DEMUX_CALLS + input.takeJniCalls();
        calls.upcalls += input.takeUpcalls();
        counters.bytes += stream.length;
        counters.units += packets;
        return check;
    }

    @Benchmark
    public long tsMux_ffmpeg(Counters counters, JniCalls calls) {
        int written = muxPass();
        calls.jniCalls += (long) units * MUX_CALLS + output.takeJniCalls();
        calls.upcalls += output.takeUpcalls();
        counters.bytes += oursBytes;
        counters.units += oursBytes / 188;
        return written;
    }

    /** Writes every access unit once and flushes; returns the bytes FFmpeg wrote. */
    private int muxPass() {
        long base = pass++ * passSpan;
        output.rewind();
        AVPacket p = muxPacket;
        BytePointer data = unitBytes;
        for (int i = 0; i < units; i++) {
            p.data(data.position(offset[i])).size(size[i]).stream_index(streamIndex[i])
                    .pts(pts[i] + base).dts(dts[i] + base).flags(key[i] ? AV_PKT_FLAG_KEY : 0);
            Ffmpeg.check(av_write_frame(muxer, p), "av_write_frame");
        }
        output.flush();
        return output.length();
    }

    @TearDown
    public void tearDown() {
        input.close();
        av_packet_free(packet);
        avformat_free_context(muxer);
        output.close();
        muxPacket.data(null).size(0);
        av_packet_free(muxPacket);
        unitBytes.close();
    }
}

package io.streamwire.benchmarks.mp4;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avformat.av_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_count;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_mallocz;

import io.streamwire.benchmarks.Counters;
import io.streamwire.benchmarks.FullOnly;
import io.streamwire.benchmarks.ffmpeg.Ffmpeg;
import io.streamwire.benchmarks.ffmpeg.JniCalls;
import io.streamwire.benchmarks.ffmpeg.MemoryOutput;
import io.streamwire.mp4.Box;
import io.streamwire.mp4.BoxType;
import io.streamwire.mp4.Boxes;
import io.streamwire.mp4.RawBox;
import io.streamwire.mp4.TrackRunBox;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacpp.BytePointer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * FFmpeg 7.1.1's {@code mp4} muxer through JNI ({@link Ffmpeg}) writing fragmented MP4 from
 * {@link Mp4Samples}, the peer of {@code Mp4Benchmark.fragmentWrite_streamwire} on the same
 * {@code @Param} inputs, samples and fragment boundaries (one per 2 s copy of the fixture).
 *
 * <p>{@code fragmentWrite_ffmpeg}: one stream whose {@code codecpar} carries the avcC record or the
 * AudioSpecificConfig as extradata, so the muxer copies the samples as they are (4-byte
 * length-prefixed H.264, raw AAC frames); the samples are held once in native memory and written
 * with {@code av_write_frame} (one reused {@code AVPacket}, its duration set once) into a
 * {@link MemoryOutput}, flushed at the end of each pass. The header ({@code ftyp} + empty
 * {@code moov}) is written once in setup; each pass writes {@code moof} + {@code mdat} per
 * fragment. Movflags:
 * <ul>
 *   <li>{@code 720p-h264}: {@code frag_keyframe+empty_moov+default_base_moof}. FFmpeg cuts before
 *       each key frame (the fixture has one IDR per 2 s copy, where ours cuts) and the pass ends
 *       with {@code av_write_frame(ctx, NULL)}, which writes the last fragment.</li>
 *   <li>{@code aac-lc}: {@code frag_custom+empty_moov+default_base_moof} and
 *       {@code av_write_frame(ctx, NULL)} at each of our fragment boundaries: {@code frag_keyframe}
 *       cuts at video key frames only, so an audio-only file would be one fragment per pass.</li>
 * </ul>
 * Decode times continue from pass to pass (FFmpeg refuses a DTS that goes back). Setup parses
 * two passes of FFmpeg's output with {@link Boxes} and throws unless each holds as many
 * {@code moof} and {@code mdat} boxes as our fragments, as many {@code trun} samples as ours, and
 * {@code mdat} payloads that are the samples in order. Bytes and units credited are ours: media
 * bytes and samples.
 *
 * <p>Ours also writes {@code styp} per fragment and copies the init segment each pass (a few hundred
 * bytes); FFmpeg's muxer copies every sample twice (into a per-fragment buffer, then to the AVIO
 * buffer) and the write callback once more into the Java array.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Mp4FfmpegBenchmark {
    /** JNI calls per sample: data, size, pts, dts, flags, av_write_frame. */
    private static final int SAMPLE_CALLS = 6;
    static final String VIDEO_MOVFLAGS = "frag_keyframe+empty_moov+default_base_moof";
    static final String AUDIO_MOVFLAGS = "frag_custom+empty_moov+default_base_moof";

    /** The input, as {@code Mp4Benchmark.input}. */
    @Param({"720p-h264", "aac-lc"})
    public String input = "720p-h264";

    private Mp4Samples in;
    private BytePointer samples;
    private int[] offsets;
    private int[] lengths;
    private boolean[] sync;
    private boolean[] flushBefore;
    private int flushesPerPass;
    private long passSpan;
    private long pass;
    private MemoryOutput output;
    private AVFormatContext muxer;
    private AVPacket packet;

    @Setup
    public void setUp() {
        Ffmpeg.init();
        in = Mp4Samples.of(input);
        boolean video = in.handler.equals("vide");
        int n = in.count();
        offsets = in.offsets;
        lengths = in.lengths;
        sync = in.sync;
        flushBefore = new boolean[n];
        for (int i = 1; i < n && !video; i++) {
            flushBefore[i] = in.fragmentStart[i];
            flushesPerPass += flushBefore[i] ? 1 : 0;
        }
        flushesPerPass++; // the end of the pass
        passSpan = (long) n * in.duration;
        samples = new BytePointer(in.data.length + (long) AV_INPUT_BUFFER_PADDING_SIZE).fill(0);
        samples.put(in.data, 0, in.data.length).position(0);

        output = new MemoryOutput((int) in.mediaBytes + (1 << 20));
        muxer = new AVFormatContext(null);
        Ffmpeg.check(avformat_alloc_output_context2(muxer, null, "mp4", (String) null), "avformat_alloc_output_context2");
        AVStream stream = avformat_new_stream(muxer, null);
        AVCodecParameters par = stream.codecpar();
        if (video) {
            par.codec_type(AVMEDIA_TYPE_VIDEO).codec_id(AV_CODEC_ID_H264).width(1280).height(720);
        } else {
            par.codec_type(AVMEDIA_TYPE_AUDIO).codec_id(AV_CODEC_ID_AAC).sample_rate((int) in.track.timescale())
                    .frame_size(in.duration);
            av_channel_layout_default(par.ch_layout(), in.channels);
        }
        // extradata is the muxer's: av_malloc'ed with padding, freed with the context
        BytePointer extradata = new BytePointer(av_mallocz(in.config.length + (long) AV_INPUT_BUFFER_PADDING_SIZE));
        extradata.capacity(in.config.length + (long) AV_INPUT_BUFFER_PADDING_SIZE).put(in.config, 0, in.config.length);
        par.extradata(extradata).extradata_size(in.config.length);
        int timescale = (int) in.track.timescale();
        stream.time_base(av_make_q(1, timescale));
        muxer.pb(output.io());
        AVDictionary options = new AVDictionary(null);
        av_dict_set(options, "movflags", video ? VIDEO_MOVFLAGS : AUDIO_MOVFLAGS, 0);
        Ffmpeg.check(avformat_write_header(muxer, options), "avformat_write_header");
        if (av_dict_count(options) != 0) {
            throw new IllegalStateException("the mp4 muxer did not take every option");
        }
        av_dict_free(options);
        if (stream.time_base().num() != 1 || stream.time_base().den() != timescale) {
            throw new IllegalStateException("the mp4 muxer moved the time base to " + stream.time_base().num() + "/"
                    + stream.time_base().den() + " from 1/" + timescale);
        }
        packet = av_packet_alloc();
        packet.stream_index(0).duration(in.duration);

        output.flush();
        List<Box> header = Boxes.parse(ByteBuffer.wrap(output.bytes(), 0, output.length()));
        if (Boxes.first(header, BoxType.MOOV) == null) {
            throw new IllegalStateException("FFmpeg wrote no moov in its header");
        }
        for (int p = 0; p < 2; p++) {
            muxPass();
            check(Boxes.parse(ByteBuffer.wrap(output.bytes(), 0, output.length())), p);
        }
        System.out.printf("FFmpeg mp4 muxer (%s): %d bytes per pass for %d media bytes in %d samples%n", input,
                output.length(), in.mediaBytes, n);
    }

    /** Throws unless one pass of FFmpeg's output holds our fragments: moof, mdat, samples and bytes. */
    private void check(List<Box> boxes, int p) {
        List<Box> moofs = Boxes.all(boxes, BoxType.MOOF);
        List<Box> mdats = Boxes.all(boxes, BoxType.MDAT);
        long samplesWritten = 0;
        for (Box moof : moofs) {
            for (Box traf : Boxes.all(Boxes.childrenOf(moof), BoxType.TRAF)) {
                for (Box trun : Boxes.all(Boxes.childrenOf(traf), BoxType.TRUN)) {
                    samplesWritten += ((TrackRunBox) trun).sampleCount();
                }
            }
        }
        long media = 0;
        boolean same = true;
        for (Box mdat : mdats) {
            ByteBuffer payload = ((RawBox) mdat).payload();
            int k = payload.remaining();
            same &= media + k <= in.data.length
                    && payload.equals(ByteBuffer.wrap(in.data, (int) media, k));
            media += k;
        }
        if (moofs.size() != Mp4Samples.COPIES || mdats.size() != Mp4Samples.COPIES || samplesWritten != in.count()
                || media != in.mediaBytes || !same) {
            throw new IllegalStateException("FFmpeg pass " + p + " wrote " + moofs.size() + " moof, " + mdats.size()
                    + " mdat, " + samplesWritten + " samples, " + media + " media bytes (" + (same ? "" : "not ")
                    + "the samples in order); ours writes " + Mp4Samples.COPIES
                    + " fragments of " + in.count() + " samples, " + in.mediaBytes + " bytes");
        }
    }

    @Benchmark
    @FullOnly
    public long fragmentWrite_ffmpeg(Counters counters, JniCalls calls) {
        int written = muxPass();
        calls.jniCalls += (long) in.count() * SAMPLE_CALLS + flushesPerPass + output.takeJniCalls();
        calls.upcalls += output.takeUpcalls();
        counters.bytes += in.mediaBytes;
        counters.units += in.count();
        return written;
    }

    /** Writes every sample once, fragments as ours, and flushes; returns the bytes FFmpeg wrote. */
    private int muxPass() {
        long base = pass++ * passSpan;
        output.rewind();
        AVFormatContext c = muxer;
        AVPacket p = packet;
        BytePointer data = samples;
        int[] offset = offsets;
        int[] length = lengths;
        boolean[] key = sync;
        boolean[] flush = flushBefore;
        long duration = in.duration;
        int n = offset.length;
        for (int i = 0; i < n; i++) {
            if (flush[i]) {
                Ffmpeg.check(av_write_frame(c, null), "av_write_frame (flush)");
            }
            long t = base + i * duration;
            p.data(data.position(offset[i])).size(length[i]).pts(t).dts(t).flags(key[i] ? AV_PKT_FLAG_KEY : 0);
            Ffmpeg.check(av_write_frame(c, p), "av_write_frame");
        }
        Ffmpeg.check(av_write_frame(c, null), "av_write_frame (flush)");
        output.flush();
        return output.length();
    }

    @TearDown
    public void tearDown() {
        avformat_free_context(muxer);
        output.close();
        packet.data(null).size(0);
        av_packet_free(packet);
        samples.close();
    }
}

package io.streamwire.benchmarks.flv;

import io.streamwire.benchmarks.Counters;
import io.streamwire.benchmarks.Goal;
import io.streamwire.benchmarks.Main;
import io.streamwire.benchmarks.Scaling;
import io.streamwire.flv.AudioTagBody;
import io.streamwire.flv.FlvDecoder;
import io.streamwire.flv.FlvTag;
import io.streamwire.flv.FlvTagHeader;
import io.streamwire.flv.VideoTagBody;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.jcodec.common.io.ByteBufferSeekableByteChannel;
import org.jcodec.containers.flv.FLVReader;
import org.jcodec.containers.flv.FLVTag;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * FLV tag scan over a recording. Units are tags. Two inputs, one row each ({@code input} @Param):
 *
 * <ul>
 *   <li>{@code 720p-2.5Mbit} (the main input, the TS benchmark's stream remuxed): the TS benchmark's 2 s 720p
 *       H.264 High (2.5 Mbit/s, B-frames) + AAC-LC fixture {@code mpegts/h264-aac-720p.ts}, turned
 *       into a real FLV in setup by {@link FlvRecording} (TsDemuxer, Annex B → AVCC and ADTS → raw AAC
 *       with the h264 and aac-adts modules, FlvWriter), repeated 32× with continuing timestamps:
 *       64 s, 4,515 tags, 22.3 MB, about 4.9 KB per tag. This is the row jcodec's reference figure
 *       ("about 333 k tags/s", measured on a real 720p recording of about 6.8 KB per tag) corresponds
 *       to: jcodec copies every body, so its rate falls with tag size while ours does not.</li>
 *   <li>{@code 240p-200kbit}: ffmpeg's 2 s 320x240 200 kbit/s H.264 (B-frames) + AAC fixture
 *       {@code flv/avc-aac-bframes.flv}, its tags repeated to about 7.5 MB (14,200 tags of about
 *       530 B) behind one file header: small tags, so per-tag overhead dominates on both sides.</li>
 * </ul>
 *
 * <p>Methods (both read the exact same bytes, a heap buffer built once in setup):
 *
 * <ul>
 *   <li>{@code flvTagScan_streamwire}: {@link FlvDecoder} fed the whole buffer; each tag handed out
 *       as the reusable zero-copy view, its type, timestamp, size and first body byte (frame type /
 *       sound format) read.</li>
 *   <li>{@code flvTagScan_jcodec}: jcodec 0.2.5 {@code FLVReader.readNextPacket()} over a
 *       {@code ByteBufferSeekableByteChannel} of the same bytes, until it returns null (it parses the
 *       codec headers of each tag and copies the body into a new buffer).</li>
 *   <li>{@code flvTagParse_streamwire}: the same scan plus {@link AudioTagBody#parse} /
 *       {@link VideoTagBody#parse} records per tag (allocates the records and slices).</li>
 * </ul>
 *
 * <p>The @Goal (≥10× jcodec, 0 B per tag) is on the method, so it is checked on both rows. FFmpeg
 * 7.1.1's FLV demuxer through JNI reads the same bytes in {@link FlvFfmpegBenchmark} (720p) and
 * {@link FlvFfmpegSmallTagsBenchmark} (240p, full preset only); it parses each tag's media header and
 * copies its body, so {@code flvTagParse} is held to ≥ 3× it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FlvBenchmark {
    private ByteBuffer file;
    private FlvDecoder scanner;
    private FlvDecoder parser;
    private final Scan scan = new Scan();
    private final Parse parse = new Parse();

    /** Reads what a demuxer needs from each tag without allocating. */
    static final class Scan implements FlvDecoder.Listener {
        long tags;
        long check;

        @Override
        public void onTag(FlvTag tag) {
            tags++;
            check += tag.timestamp() + tag.dataSize() + tag.tagType()
                    + (tag.dataSize() > 0 ? tag.buffer().get(tag.bodyIndex()) : 0);
        }
    }

    /** Parses each audio/video body into its record. */
    static final class Parse implements FlvDecoder.Listener {
        long tags;
        long check;

        @Override
        public void onTag(FlvTag tag) {
            tags++;
            if (tag.tagType() == FlvTagHeader.VIDEO) {
                check += VideoTagBody.parse(tag.body()).frameType();
            } else if (tag.tagType() == FlvTagHeader.AUDIO) {
                check += AudioTagBody.parse(tag.body()).encodedSize();
            }
        }
    }

    /** The input: the 64 s 720p recording (main) or the small-tag 240p fixture repeated. */
    @Param({"720p-2.5Mbit", "240p-200kbit"})
    public String input = "720p-2.5Mbit";

    @Setup
    public void setUp() {
        file = input(input);
        scanner = new FlvDecoder(scan);
        parser = new FlvDecoder(parse);
    }

    /** The named input as a heap buffer (also read by {@link FlvFfmpegBenchmark}). */
    static ByteBuffer input(String name) {
        return switch (name) {
            case "720p-2.5Mbit" -> ByteBuffer.wrap(FlvRecording.build720p());
            case "240p-200kbit" -> smallTags();
            default -> throw new IllegalArgumentException("input " + name);
        };
    }

    private static ByteBuffer smallTags() {
        byte[] one = Main.fixture("flv/avc-aac-bframes.flv");
        int headerAndFirstPrevious = 13;
        int tagBytes = one.length - headerAndFirstPrevious;
        int copies = 100;
        ByteBuffer all = ByteBuffer.allocate(headerAndFirstPrevious + tagBytes * copies);
        all.put(one, 0, headerAndFirstPrevious);
        for (int i = 0; i < copies; i++) {
            all.put(one, headerAndFirstPrevious, tagBytes);
        }
        return all.flip();
    }

    @Benchmark
    @Scaling
    @Goal(peer = "jcodec", minPeerRatio = 10, maxBytesPerUnit = 0, unit = "tags")
    public long flvTagScan_streamwire(Counters counters) {
        ByteBuffer in = file;
        in.position(0);
        scan.tags = 0;
        scanner.reset();
        scanner.feed(in);
        scanner.endOfInput();
        counters.bytes += in.limit();
        counters.units += scan.tags;
        return scan.check;
    }

    @Benchmark
    public long flvTagScan_jcodec(Counters counters) throws IOException {
        ByteBuffer in = file.duplicate();
        in.position(0);
        FLVReader reader = new FLVReader(ByteBufferSeekableByteChannel.readFromByteBuffer(in));
        long tags = 0;
        long check = 0;
        FLVTag tag;
        while ((tag = reader.readNextPacket()) != null) {
            tags++;
            check += tag.getPts() + tag.getData().remaining();
        }
        counters.bytes += file.limit();
        counters.units += tags;
        return check;
    }

    @Benchmark
    @Goal(unit = "tags", peers = @Goal.Peer(name = "ffmpeg", minRatio = 3))
    public long flvTagParse_streamwire(Counters counters) {
        ByteBuffer in = file;
        in.position(0);
        parse.tags = 0;
        parser.reset();
        parser.feed(in);
        parser.endOfInput();
        counters.bytes += in.limit();
        counters.units += parse.tags;
        return parse.check;
    }
}

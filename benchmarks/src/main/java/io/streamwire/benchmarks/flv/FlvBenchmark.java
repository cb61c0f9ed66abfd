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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * FLV tag scan over a recording: ffmpeg's H.264 (B-frames) + AAC fixture, its tags repeated to
 * about 7.5 MB (about 24,000 tags) behind one file header. Units are tags.
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

    @Setup
    public void setUp() {
        byte[] one = Main.fixture("flv/avc-aac-bframes.flv");
        int headerAndFirstPrevious = 13;
        int tagBytes = one.length - headerAndFirstPrevious;
        int copies = 100;
        ByteBuffer all = ByteBuffer.allocate(headerAndFirstPrevious + tagBytes * copies);
        all.put(one, 0, headerAndFirstPrevious);
        for (int i = 0; i < copies; i++) {
            all.put(one, headerAndFirstPrevious, tagBytes);
        }
        file = all.flip();
        scanner = new FlvDecoder(scan);
        parser = new FlvDecoder(parse);
    }

    @Benchmark
    @Scaling
    @Goal(peer = "jcodec", minPeerRatio = 10, maxBytesPerUnit = 0, unit = "tags", source = "issue 5")
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

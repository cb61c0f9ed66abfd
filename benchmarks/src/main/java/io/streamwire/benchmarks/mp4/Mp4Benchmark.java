package io.streamwire.benchmarks.mp4;

import io.streamwire.benchmarks.Counters;
import io.streamwire.benchmarks.FullOnly;
import io.streamwire.benchmarks.Goal;
import io.streamwire.core.Interest;
import io.streamwire.mp4.BoxHeader;
import io.streamwire.mp4.BoxType;
import io.streamwire.mp4.FragmentWriter;
import io.streamwire.mp4.InitSegment;
import io.streamwire.mp4.Mp4BoxDecoder;
import io.streamwire.mp4.Mp4Limits;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mp4parser.Container;
import org.mp4parser.IsoFile;
import org.mp4parser.boxes.iso14496.part12.SampleDescriptionBox;
import org.mp4parser.boxes.sampleentry.SampleEntry;
import org.mp4parser.muxer.AbstractTrack;
import org.mp4parser.muxer.Movie;
import org.mp4parser.muxer.Sample;
import org.mp4parser.muxer.SampleImpl;
import org.mp4parser.muxer.TrackMetaData;
import org.mp4parser.muxer.builder.FragmentedMp4Builder;
import org.mp4parser.tools.ByteBufferByteChannel;
import org.mp4parser.tools.Path;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * ISO BMFF writing and reading on {@link Mp4Samples} (two inputs: 720p H.264 as 4-byte length-prefixed
 * samples of about 10 KB, and AAC-LC frames of about 150 B; 10 × 2 s each, one fragment per 2 s), against
 * isoparser 1.9.56
 * ({@code org.mp4parser}, the JVM's ISO BMFF library), on the same samples and bytes. Units are samples
 * for writing and boxes for reading; bytes are media bytes (writing) and input bytes (reading).
 *
 * <ul>
 *   <li>{@code fragmentWrite_streamwire}: {@link FragmentWriter} adds every sample and writes one CMAF
 *       fragment ({@code styp} + {@code moof} + {@code mdat}) per GOP into a reused buffer, after the
 *       init segment; {@code fragmentWrite_isoparser}: isoparser's {@code FragmentedMp4Builder} over a
 *       {@code Movie} whose track hands out the same samples (one fragment per sync sample, its own
 *       fragmenter) and writes the whole fragmented file ({@code ftyp}, {@code moov}, {@code moof} +
 *       {@code mdat} per GOP, {@code mfra}) to a channel that copies every byte into one reused
 *       array (memory output, as ours writes into a reused buffer).</li>
 *   <li>{@code boxRead_streamwire}: {@link Mp4BoxDecoder} over our fragments (10 segments),
 *       descending into every container and handing out every leaf box's payload, {@code mdat}
 *       stepped over ({@link Interest#IGNORE}, as a demuxer that takes samples from their offsets does);
 *       {@code boxRead_isoparser}: {@code new IsoFile(ByteBufferByteChannel)} over the same bytes
 *       (it parses every box into its object model; the {@code mdat} is held as a range).</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Mp4Benchmark {
    private Mp4Samples in;
    private FragmentWriter writer;
    private ByteBuffer out;
    private byte[] init;
    private ByteBuffer fragments;
    private long boxesPerPass;
    private final Count count = new Count();
    private Mp4BoxDecoder decoder;
    private Movie movie;
    private ByteBuffer media;
    private final Counting sink = new Counting(false);

    /** Counts boxes, reads each leaf payload's first byte. */
    static final class Count implements Mp4BoxDecoder.Listener {
        long boxes;
        long check;

        @Override
        public Interest onBoxStart(BoxHeader header) {
            boxes++;
            return header.type().equals(BoxType.MDAT) ? Interest.IGNORE : Interest.WHOLE;
        }

        @Override
        public void onBox(BoxHeader header, ByteBuffer payload) {
            check += payload.remaining() > 0 ? payload.get(payload.position()) : 0;
        }
    }

    /** The input: 720p H.264 (about 10 KB per sample) or AAC-LC (about 150 B per sample). */
    @Param({"720p-h264", "aac-lc"})
    public String input = "720p-h264";

    @Setup
    public void setUp() throws IOException {
        in = Mp4Samples.of(input);
        media = ByteBuffer.wrap(in.data);
        writer = new FragmentWriter(List.of(in.track), Mp4Limits.defaults());
        init = InitSegment.toByteArray(List.of(in.track));
        out = ByteBuffer.allocate((int) (in.mediaBytes / Mp4Samples.COPIES) + (1 << 20));
        fragments = ByteBuffer.wrap(in.fragments());
        decoder = new Mp4BoxDecoder(count, Mp4Limits.defaults());
        boxRead_streamwire(new Counters());
        boxesPerPass = count.boxes;
        movie = new Movie();
        movie.addTrack(new SamplesTrack(in, sampleEntry(init)));
        // both writers must produce one fragment per GOP
        Counting sink = new Counting(true);
        new FragmentedMp4Builder().build(movie).writeContainer(sink);
        long theirMoofs = new IsoFile(new ByteBufferByteChannel(ByteBuffer.wrap(sink.bytes()))).getBoxes().stream()
                .filter(b -> b.getType().equals("moof")).count();
        if (theirMoofs != Mp4Samples.COPIES) {
            throw new IllegalStateException("isoparser wrote " + theirMoofs + " fragments, expected " + Mp4Samples.COPIES);
        }
    }

    /** The avc1 sample entry of our init segment, as isoparser reads it (so both write the same entry). */
    private static SampleEntry sampleEntry(byte[] init) throws IOException {
        IsoFile iso = new IsoFile(new ByteBufferByteChannel(ByteBuffer.wrap(init)));
        SampleDescriptionBox stsd = Path.getPath(iso, "moov[0]/trak[0]/mdia[0]/minf[0]/stbl[0]/stsd[0]");
        return stsd.getSampleEntry();
    }

    @Benchmark
    @Goal(peer = "isoparser", minPeerRatio = 10, minMBps = 5000, maxBytesPerUnit = 0, unit = "samples")
    public long fragmentWrite_streamwire(Counters counters) {
        ByteBuffer o = out;
        FragmentWriter w = writer;
        Mp4Samples s = in;
        int[] offsets = s.offsets;
        int[] lengths = s.lengths;
        boolean[] sync = s.sync;
        boolean[] starts = s.fragmentStart;
        int duration = s.duration;
        ByteBuffer data = media;
        o.clear();
        o.put(init);
        long written = 0;
        long sequence = 1;
        int n = s.count();
        for (int i = 0; i < n; i++) {
            if (starts[i] && !w.isEmpty()) {
                written += w.write(o, sequence++, true);
                o.clear();
            }
            data.limit(offsets[i] + lengths[i]).position(offsets[i]);
            w.addSample(0, data, (long) i * duration, 0, duration, sync[i]);
        }
        written += w.write(o, sequence, true);
        counters.bytes += s.mediaBytes;
        counters.units += n;
        return written;
    }

    @Benchmark
    @FullOnly
    public long fragmentWrite_isoparser(Counters counters) throws IOException {
        Container c = new FragmentedMp4Builder().build(movie);
        sink.written = 0;
        c.writeContainer(sink);
        counters.bytes += in.mediaBytes;
        counters.units += in.count();
        return sink.written;
    }

    @Benchmark
    @FullOnly
    @Goal(peer = "isoparser", minPeerRatio = 10, minMBps = 5000, unit = "boxes")
    public long boxRead_streamwire(Counters counters) {
        ByteBuffer b = fragments;
        b.clear();
        count.boxes = 0;
        decoder.reset();
        decoder.feed(b);
        decoder.endOfInput();
        counters.bytes += b.limit();
        counters.units += count.boxes;
        return count.check;
    }

    @Benchmark
    @FullOnly
    public long boxRead_isoparser(Counters counters) throws IOException {
        ByteBuffer b = fragments.duplicate().clear();
        IsoFile iso = new IsoFile(new ByteBufferByteChannel(b));
        counters.bytes += fragments.limit();
        counters.units += boxesPerPass;
        return iso.getBoxes().size();
    }

    /** The samples as isoparser's muxer wants them: one track, sync samples and durations given. */
    private static final class SamplesTrack extends AbstractTrack {
        private final List<Sample> samples = new ArrayList<>();
        private final long[] durations;
        private final long[] syncSamples;
        private final List<SampleEntry> entries;
        private final TrackMetaData meta = new TrackMetaData();
        private final String handler;

        SamplesTrack(Mp4Samples in, SampleEntry entry) {
            super(in.handler);
            handler = in.handler;
            entries = List.of(entry);
            durations = new long[in.count()];
            List<Long> syncs = new ArrayList<>();
            for (int i = 0; i < in.count(); i++) {
                samples.add(new SampleImpl(ByteBuffer.wrap(in.data, in.offsets[i], in.lengths[i]).slice(), entry));
                durations[i] = in.duration;
                if (in.fragmentStart[i]) {
                    syncs.add(i + 1L); // 1-based, as stss; its fragmenter cuts at these (every 2 s)
                }
            }
            syncSamples = syncs.stream().mapToLong(Long::longValue).toArray();
            meta.setTimescale(in.track.timescale());
            meta.setWidth(in.handler.equals("vide") ? 1280 : 0);
            meta.setHeight(in.handler.equals("vide") ? 720 : 0);
            meta.setTrackId(1);
        }

        @Override
        public List<SampleEntry> getSampleEntries() {
            return entries;
        }

        @Override
        public long[] getSampleDurations() {
            return durations;
        }

        @Override
        public long[] getSyncSamples() {
            return syncSamples;
        }

        @Override
        public TrackMetaData getTrackMetaData() {
            return meta;
        }

        @Override
        public String getHandler() {
            return handler;
        }

        @Override
        public List<Sample> getSamples() {
            return samples;
        }

        @Override
        public void close() {}
    }

    /** A channel that counts what is written (and can keep it, for the setup check). */
    private static final class Counting implements WritableByteChannel {
        long written;
        private final java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
        private final boolean keep;
        /** Where the timed path copies what is written, as ours writes into a caller buffer (a fragment at a time). */
        private final byte[] scratch = new byte[8 << 20];

        /** @param keep whether to keep the bytes (setup only; the timed path keeps nothing) */
        Counting(boolean keep) {
            this.keep = keep;
        }

        byte[] bytes() {
            return kept.toByteArray();
        }

        @Override
        public int write(ByteBuffer src) {
            int n = src.remaining();
            if (keep) {
                byte[] b = new byte[n];
                src.get(b);
                kept.writeBytes(b);
            } else {
                for (int done = 0; done < n; ) { // copy, as writing into memory (or a socket) would
                    int k = Math.min(n - done, scratch.length);
                    src.get(scratch, 0, k);
                    done += k;
                }
            }
            written += n;
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {}
    }
}

package io.streamwire.benchmarks.hls;

import com.iheartradio.m3u8.Encoding;
import com.iheartradio.m3u8.Format;
import com.iheartradio.m3u8.ParsingMode;
import io.streamwire.benchmarks.Counters;
import io.streamwire.benchmarks.Goal;
import io.streamwire.hls.MediaPlaylist;
import io.streamwire.hls.PlaylistParser;
import io.streamwire.hls.PlaylistWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A 20,000-segment VOD media playlist (about 3.1 MB, generated in code by {@link HlsPlaylists})
 * parsed and written by Streamwire and by the two JVM peers. Every parser gets the same UTF-8 bytes
 * (peers through a {@code ByteArrayInputStream}). Units are media segments.
 *
 * <ul>
 *   <li>{@code mediaParse_streamwire}: strict {@link PlaylistParser} into the full model (typed tags,
 *       every segment with its effective key, discontinuity sequence, extrapolated program date time)
 *       plus every validator rule.</li>
 *   <li>{@code mediaParse_lindstrom}: io.lindstrom m3u8-parser 0.27 {@code MediaPlaylistParser}.</li>
 *   <li>{@code mediaParse_openm3u8}: open-m3u8 0.2.6 {@code PlaylistParser}, lenient mode.</li>
 *   <li>{@code mediaWrite_*}: the same playlist written back to UTF-8 bytes; bytes counted are the
 *       output's.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HlsPlaylistBenchmark {
    private static final int SEGMENTS = 20_000;
    private byte[] playlist;
    private MediaPlaylist ours;
    private io.lindstrom.m3u8.model.MediaPlaylist lindstrom;
    private com.iheartradio.m3u8.data.Playlist openM3u8;
    private final io.lindstrom.m3u8.parser.MediaPlaylistParser lindstromParser = new io.lindstrom.m3u8.parser.MediaPlaylistParser();

    @Setup
    public void setUp() throws Exception {
        playlist = HlsPlaylists.media(SEGMENTS);
        ours = (MediaPlaylist) PlaylistParser.strict().parse(playlist).playlist();
        if (ours.segments().size() != SEGMENTS) {
            throw new IllegalStateException("generated playlist has " + ours.segments().size() + " segments");
        }
        lindstrom = lindstromParser.readPlaylist(new ByteArrayInputStream(playlist));
        openM3u8 = openM3u8Parse();
    }

    private com.iheartradio.m3u8.data.Playlist openM3u8Parse() throws Exception {
        return new com.iheartradio.m3u8.PlaylistParser(new ByteArrayInputStream(playlist), Format.EXT_M3U, Encoding.UTF_8,
                ParsingMode.LENIENT).parse();
    }

    @Benchmark
    @Goal(peer = "lindstrom", minPeerRatio = 10, minMBps = 650, unit = "segments")
    public int mediaParse_streamwire(Counters counters) {
        MediaPlaylist p = (MediaPlaylist) PlaylistParser.strict().parse(playlist).playlist();
        counters.bytes += playlist.length;
        counters.units += p.segments().size();
        return p.segments().size();
    }

    @Benchmark
    public int mediaParse_lindstrom(Counters counters) throws Exception {
        io.lindstrom.m3u8.model.MediaPlaylist p = lindstromParser.readPlaylist(new ByteArrayInputStream(playlist));
        counters.bytes += playlist.length;
        counters.units += p.mediaSegments().size();
        return p.mediaSegments().size();
    }

    @Benchmark
    public int mediaParse_openm3u8(Counters counters) throws Exception {
        com.iheartradio.m3u8.data.Playlist p = openM3u8Parse();
        int n = p.getMediaPlaylist().getTracks().size();
        counters.bytes += playlist.length;
        counters.units += n;
        return n;
    }

    @Benchmark
    @Goal(peer = "lindstrom", minMBps = 1000, unit = "segments")
    public int mediaWrite_streamwire(Counters counters) {
        byte[] out = PlaylistWriter.toBytes(ours);
        counters.bytes += out.length;
        counters.units += SEGMENTS;
        return out.length;
    }

    @Benchmark
    public int mediaWrite_lindstrom(Counters counters) {
        byte[] out = lindstromParser.writePlaylistAsBytes(lindstrom);
        counters.bytes += out.length;
        counters.units += SEGMENTS;
        return out.length;
    }

    @Benchmark
    public int mediaWrite_openm3u8(Counters counters) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(playlist.length + 1024);
        new com.iheartradio.m3u8.PlaylistWriter(out, Format.EXT_M3U, Encoding.UTF_8).write(openM3u8);
        counters.bytes += out.size();
        counters.units += SEGMENTS;
        return out.size();
    }
}

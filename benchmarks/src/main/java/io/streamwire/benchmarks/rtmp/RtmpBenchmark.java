package io.streamwire.benchmarks.rtmp;

import io.streamwire.amf.Amf0Command;
import io.streamwire.amf.Amf0Null;
import io.streamwire.amf.Amf0Value;
import io.streamwire.benchmarks.Counters;
import io.streamwire.benchmarks.Goal;
import io.streamwire.benchmarks.Main;
import io.streamwire.benchmarks.Red5Amf0;
import io.streamwire.benchmarks.Scaling;
import io.streamwire.rtmp.ChunkDecoder;
import io.streamwire.rtmp.ChunkEncoder;
import io.streamwire.rtmp.EncodedMessage;
import io.streamwire.rtmp.RtmpCommand;
import io.streamwire.rtmp.RtmpLimits;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * RTMP hot paths.
 *
 * <ul>
 *   <li>{@code chunkDecode_streamwire}: a 5 Mbit/s publish (20 s: 25 fps video of 25 KB frames made
 *       from the fixture's H.264 tag bodies, 43 audio messages/s) cut into 4096-byte chunks, decoded
 *       by {@link ChunkDecoder}. Units are messages; bytes are input bytes.</li>
 *   <li>{@code chunkDecodeSingleChunk_streamwire}: the fixture's audio and small video messages
 *       (each in one chunk) on the slice path: 0 B per message expected.</li>
 *   <li>{@code relayFanOut_streamwire}: decode one 10 KB video message, cut it once
 *       ({@link ChunkEncoder#encodeShared}) and hand it to 100 players' encoders
 *       ({@link ChunkEncoder#sendShared}); units are players.</li>
 *   <li>{@code relayFanOutAnyStreamId_streamwire}: the same, with the message cut once for players on
 *       message stream ids 1 to 4 (a quarter take the shared bytes as they are, the others a
 *       re-stamped first header, {@link ChunkEncoder#sendShared(EncodedMessage, int, ByteBuffer)});
 *       units are players.</li>
 *   <li>{@code connectDecode_*} / {@code publishDecode_*}: an ffmpeg-style connect body and a publish
 *       body decoded into typed records ({@link RtmpCommand#parse}) vs Red5 1.3.37's AMF0
 *       {@code Deserializer} into maps and strings; units are commands.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RtmpBenchmark {
    private static final int PLAYERS = 100;

    private ByteBuffer publish;
    private ByteBuffer singleChunks;
    private ByteBuffer relayInput;
    private ChunkDecoder decoder;
    private ChunkDecoder relayDecoder;
    private final ChunkEncoder relayEncoder = new ChunkEncoder();
    private final ChunkEncoder[] players = new ChunkEncoder[PLAYERS];
    private final MessageCounter counter = new MessageCounter();
    private final RelaySink relay = new RelaySink();
    private final RestampSink restamp = new RestampSink();
    private ChunkDecoder restampDecoder;
    private byte[] connectBody;
    private byte[] publishBody;

    /** Counts messages and payload bytes. */
    static final class MessageCounter implements ChunkDecoder.Listener {
        long messages;
        long payload;

        @Override
        public void onMessage(int csid, long timestamp, int type, int streamId, ByteBuffer body) {
            messages++;
            payload += body.remaining();
        }
    }

    /** Cuts each video message once and hands it to every player. */
    final class RelaySink implements ChunkDecoder.Listener {
        long check;

        @Override
        public void onMessage(int csid, long timestamp, int type, int streamId, ByteBuffer body) {
            EncodedMessage shared = relayEncoder.encodeShared(6, timestamp, type, 1, body);
            for (ChunkEncoder player : players) {
                check += player.sendShared(shared).remaining();
            }
        }
    }

    /** Cuts each video message once for players on stream ids 1..4. */
    final class RestampSink implements ChunkDecoder.Listener {
        final ByteBuffer header = ByteBuffer.allocate(18);
        long check;

        @Override
        public void onMessage(int csid, long timestamp, int type, int streamId, ByteBuffer body) {
            EncodedMessage shared = relayEncoder.encodeShared(6, timestamp, type, 1, body);
            for (int i = 0; i < PLAYERS; i++) {
                int playerStream = 1 + (i & 3);
                if (playerStream == shared.messageStreamId()) {
                    check += players[i].sendShared(shared).remaining();
                } else {
                    header.clear();
                    check += players[i].sendShared(shared, playerStream, header).remaining() + header.position();
                }
            }
        }
    }

    @Setup
    public void setUp() {
        byte[] flv = Main.fixture("flv/h264-aac-4s.flv");
        java.util.List<byte[]> video = new java.util.ArrayList<>();
        java.util.List<byte[]> audio = new java.util.ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(flv);
        in.position(in.getInt(5) + 4);
        while (in.remaining() >= 11) {
            int type = in.get() & 0x1F;
            int size = (in.get() & 0xFF) << 16 | (in.get() & 0xFF) << 8 | in.get() & 0xFF;
            in.position(in.position() + 7);
            byte[] body = new byte[size];
            in.get(body);
            in.position(in.position() + 4);
            (type == 9 ? video : type == 8 ? audio : new java.util.ArrayList<byte[]>()).add(body);
        }
        // 5 Mbit/s for 20 s: 25 KB video frames (fixture frames repeated to size), audio as in the fixture
        ChunkEncoder encoder = new ChunkEncoder();
        ByteBuffer out = ByteBuffer.allocate(16 << 20);
        encoder.writeSetChunkSize(4096, out);
        long audioTs = 0;
        int a = 0;
        for (int frame = 0; frame < 25 * 20; frame++) {
            long ts = frame * 40L;
            byte[] src = video.get(frame % video.size());
            byte[] big = new byte[25_000];
            for (int i = 0; i < big.length; i += src.length) {
                System.arraycopy(src, 0, big, i, Math.min(src.length, big.length - i));
            }
            encoder.encode(6, ts, 9, 1, ByteBuffer.wrap(big), out);
            while (audioTs <= ts) {
                encoder.encode(4, audioTs, 8, 1, ByteBuffer.wrap(audio.get(a++ % audio.size())), out);
                audioTs += 23;
            }
        }
        publish = out.flip();
        ChunkEncoder small = new ChunkEncoder();
        ByteBuffer out2 = ByteBuffer.allocate(4 << 20);
        small.writeSetChunkSize(4096, out2);
        long ts = 0;
        for (int round = 0; round < 20; round++) {
            for (byte[] body : audio) {
                small.encode(4, ts += 23, 8, 1, ByteBuffer.wrap(body), out2);
            }
            for (byte[] body : video) {
                if (body.length <= 4096) {
                    small.encode(6, ts, 9, 1, ByteBuffer.wrap(body), out2);
                }
            }
        }
        singleChunks = out2.flip();
        decoder = new ChunkDecoder(counter, RtmpLimits.defaults());
        // relay: one 10 KB video message in 4096-byte chunks
        ChunkEncoder source = new ChunkEncoder();
        ByteBuffer out3 = ByteBuffer.allocate(64 << 10);
        source.writeSetChunkSize(4096, out3);
        source.encode(6, 40, 9, 1, ByteBuffer.wrap(new byte[10_000]), out3);
        relayInput = out3.flip();
        relayEncoder.setChunkSize(4096);
        for (int i = 0; i < PLAYERS; i++) {
            players[i] = new ChunkEncoder();
            players[i].setChunkSize(4096);
        }
        relayDecoder = new ChunkDecoder(relay, RtmpLimits.defaults());
        restampDecoder = new ChunkDecoder(restamp, RtmpLimits.defaults());
        Map<String, Amf0Value> o = new LinkedHashMap<>();
        o.put("app", Amf0Value.of("live"));
        o.put("type", Amf0Value.of("nonprivate"));
        o.put("flashVer", Amf0Value.of("FMLE/3.0 (compatible; Lavf59.27.100)"));
        o.put("tcUrl", Amf0Value.of("rtmp://127.0.0.1:1935/live"));
        o.put("fpad", Amf0Value.of(false));
        o.put("capabilities", Amf0Value.of(15));
        o.put("audioCodecs", Amf0Value.of(4071));
        o.put("videoCodecs", Amf0Value.of(252));
        o.put("videoFunction", Amf0Value.of(1));
        connectBody = Amf0Command.of("connect", 1, Amf0Value.object(o)).toByteArray();
        publishBody = Amf0Command.of("publish", 5, Amf0Null.INSTANCE, Amf0Value.of("key?token=abc"), Amf0Value.of("live"))
                .toByteArray();
    }

    // The streams start with type-0 headers, so each op decodes them again without reset(): the
    // chunk stream states are reused as on a long-lived connection.

    @Benchmark
    @Scaling
    @Goal(minMBps = 2000, unit = "messages")
    public long chunkDecode_streamwire(Counters counters) {
        ByteBuffer in = publish;
        in.position(0);
        counter.messages = 0;
        decoder.feed(in);
        counters.bytes += in.limit();
        counters.units += counter.messages;
        return counter.payload;
    }

    @Benchmark
    @Goal(maxBytesPerUnit = 0, unit = "messages")
    public long chunkDecodeSingleChunk_streamwire(Counters counters) {
        ByteBuffer in = singleChunks;
        in.position(0);
        counter.messages = 0;
        decoder.feed(in);
        counters.bytes += in.limit();
        counters.units += counter.messages;
        return counter.payload;
    }

    @Benchmark
    @Goal(maxNanosPerUnit = 1000, unit = "players")
    public long relayFanOut_streamwire(Counters counters) {
        ByteBuffer in = relayInput;
        in.position(0);
        relayDecoder.feed(in);
        counters.bytes += in.limit();
        counters.units += PLAYERS;
        return relay.check;
    }

    @Benchmark
    @Goal(maxNanosPerUnit = 1000, unit = "players")
    public long relayFanOutAnyStreamId_streamwire(Counters counters) {
        ByteBuffer in = relayInput;
        in.position(0);
        restampDecoder.feed(in);
        counters.bytes += in.limit();
        counters.units += PLAYERS;
        return restamp.check;
    }

    @Benchmark
    @Goal(maxNanosPerUnit = 500, peer = "red5", minPeerRatio = 1, unit = "commands")
    public double connectDecode_streamwire(Counters counters) {
        RtmpCommand connect = RtmpCommand.parse(20, ByteBuffer.wrap(connectBody));
        counters.bytes += connectBody.length;
        counters.units += 1;
        return ((RtmpCommand.Connect) connect).objectEncoding();
    }

    @Benchmark
    public int connectDecode_red5(Counters counters) {
        counters.bytes += connectBody.length;
        counters.units += 1;
        return Red5Amf0.decodeAll(connectBody);
    }

    @Benchmark
    @Goal(maxNanosPerUnit = 500, peer = "red5", minPeerRatio = 1, unit = "commands")
    public double publishDecode_streamwire(Counters counters) {
        RtmpCommand publish = RtmpCommand.parse(20, ByteBuffer.wrap(publishBody));
        counters.bytes += publishBody.length;
        counters.units += 1;
        return publish.transactionId();
    }

    @Benchmark
    public int publishDecode_red5(Counters counters) {
        counters.bytes += publishBody.length;
        counters.units += 1;
        return Red5Amf0.decodeAll(publishBody);
    }
}

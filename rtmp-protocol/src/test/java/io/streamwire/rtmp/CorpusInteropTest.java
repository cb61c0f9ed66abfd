package io.streamwire.rtmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.amf.AmfLimits;
import io.streamwire.rtmp.internal.HandshakeDigest;
import io.streamwire.testkit.Corpus;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The recorded RTMP sessions and handshakes of ../shared/corpus (see SOURCES.md). */
@Tag("interop")
class CorpusInteropTest {
    private static final Pattern COUNT = Pattern.compile("^ *\\|.*\\|  messages\\[0:(\\d+)\\]");
    private static final Pattern MESSAGE = Pattern.compile("^ *\\|.*\\|    \\[(\\d+)\\]\\{\\}: message ");
    private static final Pattern STREAM = Pattern.compile("\\|      message_stream_id: (\\d+)");
    private static final Pattern TYPE = Pattern.compile("\\|      message_type_id: \"[a-z_0-9]+\" \\((\\d+)\\)$");

    /** fq's expected dump: message count and (type, stream id) of the messages it lists. */
    record Expected(int count, List<int[]> listed) {}

    static Expected fq(Path fqtest) throws Exception {
        int count = -1;
        List<int[]> listed = new ArrayList<>();
        int[] current = null;
        for (String line : Files.readAllLines(fqtest)) {
            Matcher m;
            if (count < 0 && (m = COUNT.matcher(line)).find()) {
                count = Integer.parseInt(m.group(1));
            } else if ((m = MESSAGE.matcher(line)).find()) {
                current = new int[] {-1, -1};
                listed.add(current);
            } else if (current != null && current[1] < 0 && (m = STREAM.matcher(line)).find()) {
                current[1] = Integer.parseInt(m.group(1));
            } else if (current != null && current[0] < 0 && (m = TYPE.matcher(line)).find()) {
                current[0] = Integer.parseInt(m.group(1));
            }
        }
        return new Expected(count, listed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"client_stream", "server_stream", "ffmpeg_client_stream", "ffmpeg_server_stream"})
    void fqSessionsDecodeIntoTheSameMessages(String name) throws Exception {
        Path dir = Corpus.resolve("wader-fq/format/rtmp/testdata");
        byte[] bytes = Files.readAllBytes(dir.resolve(name));
        Expected expected = fq(dir.resolve(name + ".fqtest"));
        List<int[]> got = new ArrayList<>();
        List<RtmpCommand> commands = new ArrayList<>();
        ChunkDecoder decoder = new ChunkDecoder((cs, ts, type, sid, payload) -> {
            got.add(new int[] {type, sid});
            if (type == MessageType.COMMAND_AMF0) {
                commands.add(RtmpCommand.parse(type, payload, 0, AmfLimits.defaults()));
            } else if (type == MessageType.DATA_AMF0) {
                DataMessage.parse(type, payload, 0, AmfLimits.defaults());
            } else if (MessageType.isControl(type)) {
                assertThat(ControlMessage.parse(type, payload, 0)).isNotNull();
            }
        }, RtmpLimits.defaults());
        decoder.feed(ByteBuffer.wrap(bytes, 3073, bytes.length - 3073)); // after C0+C1+C2 or S0+S1+S2
        assertThat(got).as("message count").hasSize(expected.count());
        for (int i = 0; i < expected.listed().size(); i++) {
            assertThat(got.get(i)).as("message " + i + " (type, stream id)").containsExactly(expected.listed().get(i));
        }
        if (name.endsWith("client_stream")) {
            assertThat(commands.get(0)).isInstanceOf(RtmpCommand.Connect.class);
        }
    }

    @Test
    void fqFfmpegClientSentADigestC1() throws Exception {
        byte[] bytes = Files.readAllBytes(Corpus.resolve("wader-fq/format/rtmp/testdata/ffmpeg_client_stream"));
        byte[] c1 = Arrays.copyOfRange(bytes, 1, 1537);
        assertThat(HandshakeDigest.findScheme(c1, HandshakeDigest.PLAYER_KEY, HandshakeDigest.PLAYER_KEY_SHORT)).isEqualTo(0);
        ServerHandshake server = new ServerHandshake(new Random(1));
        server.read(ByteBuffer.wrap(bytes, 0, 1537));
        assertThat(server.isDigest()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"aggregated.chunks", "flat.chunks"})
    void fms5ChunkStreamsDecode(String name) throws Exception {
        byte[] bytes = Files.readAllBytes(Corpus.resolve("sile-erl-rtmpmsg/data/" + name));
        int[] counts = new int[256];
        int[] subMessages = {0};
        ChunkDecoder decoder = new ChunkDecoder((cs, ts, type, sid, payload) -> {
            counts[type]++;
            if (type == MessageType.AGGREGATE) {
                subMessages[0] += AggregateMessage.split(ts, sid, payload, RtmpLimits.defaults(), 0,
                        (subTs, subType, subSid, body) -> assertThat(subType).isIn(8, 9, 18));
            } else if (type == MessageType.COMMAND_AMF0) {
                RtmpCommand.parse(type, payload, 0, AmfLimits.defaults());
            }
        }, RtmpLimits.defaults());
        decoder.feed(ByteBuffer.wrap(bytes));
        assertThat(counts[MessageType.COMMAND_AMF0]).isPositive();
        if (name.startsWith("aggregated")) {
            assertThat(counts[MessageType.AGGREGATE]).isPositive();
            assertThat(subMessages[0]).isGreaterThan(counts[MessageType.AGGREGATE]);
        } else {
            assertThat(counts[MessageType.AGGREGATE]).isZero();
            assertThat(counts[MessageType.VIDEO] + counts[MessageType.AUDIO]).isPositive();
        }
    }

    @Test
    void red5FlashPlayerHandshakeDumpsValidate() throws Exception {
        Path dir = Corpus.resolve("red5-server/tests/src/test/resources");
        byte[] youtubeC1 = Files.readAllBytes(dir.resolve("extracted-youtube-C1.bin"));
        byte[] youtubeS1S2 = Files.readAllBytes(dir.resolve("extracted-youtube-S1S2.bin"));
        // Flash Player 10.0.45.2's C1 carries a valid digest (scheme 0): we answer with the digest handshake
        ServerHandshake server = new ServerHandshake(new Random(1));
        server.read(ByteBuffer.allocate(1537).put((byte) 3).put(youtubeC1).flip());
        assertThat(server.isDigest()).isTrue();
        assertThat(server.digestScheme()).isZero();
        // the server's answer: S2 echoes that C1, S1 has no FMS digest, so a client falls back to echoing S1
        assertThat(Arrays.copyOfRange(youtubeS1S2, 1536, 3072)).isEqualTo(youtubeC1);
        assertThat(HandshakeDigest.findScheme(Arrays.copyOf(youtubeS1S2, 1536), HandshakeDigest.SERVER_KEY,
                HandshakeDigest.SERVER_KEY_SHORT)).isEqualTo(-1);
        // Red5's canned simple C1 (version 0) gets the simple answer; its S1 + S2 complete our client
        byte[] c1 = Files.readAllBytes(dir.resolve("RTMP-C0C1.dat"));
        ServerHandshake simple = new ServerHandshake(new Random(1));
        simple.read(ByteBuffer.allocate(1537).put((byte) 3).put(c1).flip());
        assertThat(simple.isDigest()).isFalse();
        byte[] s1 = Files.readAllBytes(dir.resolve("RTMP-S0S1S2-01.dat"));
        byte[] s2 = Files.readAllBytes(dir.resolve("RTMP-S0S1S2-02.dat"));
        ClientHandshake client = new ClientHandshake(false, new Random(1));
        ByteBuffer in = ByteBuffer.allocate(3073).put((byte) 3).put(s1).put(s2).flip();
        assertThat(client.read(in)).isTrue();
        client.takeOutbound();
        assertThat(client.takeOutbound().remaining()).isZero();
    }
}

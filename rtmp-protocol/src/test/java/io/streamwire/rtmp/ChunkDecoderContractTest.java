package io.streamwire.rtmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.core.Anomaly;
import io.streamwire.testkit.DecoderContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared stream-decoder contract ({@link io.streamwire.core.StreamDecoder}) on recorded chunk
 * streams: every split in every buffer kind gives the same messages, the lifecycle rules hold, a
 * failure is final until reset, and only module "rtmp" exceptions escape for mutated input.
 */
class ChunkDecoderContractTest {
    /** fmt 1 on chunk stream 3, which has no previous header: an RtmpException at offset 0. */
    static final byte[] INVALID = HexFormat.of().parseHex("43000000000001140000");

    /** A decoder whose listener records messages (copied) and anomalies. */
    static DecoderContract.Subject subject() {
        List<Object> events = new ArrayList<>();
        ChunkDecoder decoder = new ChunkDecoder(new ChunkDecoder.Listener() {
            @Override
            public void onMessage(int cs, long ts, int type, int sid, ByteBuffer payload) {
                events.add(Msg.of(cs, ts, type, sid, payload));
            }

            @Override
            public void onAnomaly(Anomaly<RtmpAnomalyKind> anomaly) {
                events.add(anomaly);
            }
        });
        return new DecoderContract.Subject() {
            @Override
            public ChunkDecoder decoder() {
                return decoder;
            }

            @Override
            public List<Object> events() {
                return events;
            }
        };
    }

    @Test
    void aPublishOfTheFixture() {
        byte[] session = Recordings.publisherToServer();
        byte[] chunks = java.util.Arrays.copyOfRange(session, Recordings.HANDSHAKE, session.length);
        assertThat(messages(chunks)).isGreaterThan(Recordings.tags().size());
        new DecoderContract("rtmp", ChunkDecoderContractTest::subject, chunks, INVALID).verify();
    }

    static int messages(byte[] chunks) {
        DecoderContract.Subject s = subject();
        s.decoder().feed(ByteBuffer.wrap(chunks));
        s.decoder().endOfInput();
        return s.events().size();
    }

    @Test
    void whatAServerSendsAPlayer() {
        byte[] session = Recordings.serverToPlayer();
        byte[] chunks = java.util.Arrays.copyOfRange(session, Recordings.HANDSHAKE, session.length);
        assertThat(messages(chunks)).isGreaterThan(Recordings.tags().size());
        new DecoderContract("rtmp", ChunkDecoderContractTest::subject, chunks, INVALID).verify();
    }

    @Test
    void theCommittedSeeds() {
        for (String name : new String[] {"client-publish", "server-play"}) {
            byte[] chunks = resource("ChunkDecoderFuzzTestInputs/decode/" + name);
            assertThat(chunks).isNotEmpty();
            new DecoderContract("rtmp", ChunkDecoderContractTest::subject, chunks, INVALID).verify();
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = ChunkDecoderContractTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

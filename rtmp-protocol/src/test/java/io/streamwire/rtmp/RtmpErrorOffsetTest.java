package io.streamwire.rtmp;

import static io.streamwire.rtmp.ChunkDecoderTest.concat;
import static io.streamwire.rtmp.ChunkDecoderTest.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.amf.Amf0Command;
import io.streamwire.amf.Amf0Null;
import io.streamwire.amf.Amf0Value;
import io.streamwire.amf.AmfLimits;
import io.streamwire.core.LimitExceededException;
import io.streamwire.core.StreamwireException;
import io.streamwire.testkit.Chunks;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every error names the element at fault and its stream offset, however the input was split. */
class RtmpErrorOffsetTest {

    /** Feeds {@code bytes} in every split and returns the offset of the error each raised (all must agree). */
    private static long offsetOfEverySplit(byte[] bytes, RtmpLimits limits, Class<? extends StreamwireException> type,
            String field) {
        Long offset = null;
        for (Chunks.Split split : Chunks.splits(bytes, 7)) {
            ChunkDecoder decoder = new ChunkDecoder((cs, ts, t, s, p) -> { }, limits);
            StreamwireException error = null;
            try {
                split.pieces().forEach(p -> decoder.feed(ByteBuffer.wrap(p)));
            } catch (StreamwireException e) {
                error = e;
            }
            assertThat(error).as(split.name()).isInstanceOf(type);
            assertThat(error.field()).as(split.name()).isEqualTo(field);
            if (offset == null) {
                offset = error.offset();
            }
            assertThat(error.offset()).as(split.name()).isEqualTo(offset);
        }
        return offset;
    }

    @Test
    void chunkHeaderErrorsPointAtTheHeaderWhenItArrivedInPieces() {
        // before: the offset counted the header bytes carried between feeds (7 for a 1-byte split here)
        assertThat(offsetOfEverySplit(hex("43 000000 000001 14 00"), RtmpLimits.defaults(), RtmpException.class,
                "chunk fmt")).isZero();
        assertThat(offsetOfEverySplit(hex("03 000000 ffffff 09 00000000"), RtmpLimits.defaults().withMaxMessageLength(1000),
                LimitExceededException.class, "message length")).isEqualTo(4L);
        assertThat(offsetOfEverySplit(concat(hex("03 000000 000000 09 00000000"), hex("04 000000 000000 09 00000000")),
                RtmpLimits.defaults().withMaxChunkStreams(1), LimitExceededException.class, "chunk stream id 4"))
                .isEqualTo(12L);
    }

    @Test
    void setChunkSizeErrorsPointAtThePayload() {
        // before: the end of the message (16)
        assertThat(offsetOfEverySplit(hex("02 000000 000004 01 00000000 7fffffff"),
                RtmpLimits.defaults().withMaxChunkSize(65536), LimitExceededException.class, "set chunk size"))
                .isEqualTo(12L);
        assertThat(offsetOfEverySplit(hex("02 000000 000004 01 00000000 00000000"), RtmpLimits.defaults(),
                RtmpException.class, "set chunk size")).isEqualTo(12L);
    }

    /** "connect", 1, {app: "a", app: "b"}: the repeated name is at body offset 29. */
    static final byte[] CONNECT_WITH_REPEATED_NAME = hex(
            "020007" + "636f6e6e656374" + "00" + "3ff0000000000000"   // "connect", 1
            + "03" + "0003" + "617070" + "020001" + "61"               // { app: "a",   (object at 19)
            + "0003" + "617070" + "020001" + "62" + "000009");          //   app: "b" }  (name at 29)

    @Test
    void connectCommandObjectErrorCarriesTheStreamOffsetOfTheRepeatedName() {
        RtmpCommand c = RtmpCommand.parse(MessageType.COMMAND_AMF0, ByteBuffer.wrap(CONNECT_WITH_REPEATED_NAME), 1000,
                AmfLimits.defaults());
        assertThat(c).isInstanceOfSatisfying(RtmpCommand.Connect.class, k -> {
            assertThat(k.app()).isEqualTo("b");
            assertThatThrownBy(k::commandObject).isInstanceOfSatisfying(RtmpException.class, e -> {
                assertThat(e.field()).isEqualTo("connect command object amf0 property name");
                assertThat(e.offset()).isEqualTo(1029L); // before: -1
                assertThat(e.getCause()).isInstanceOf(io.streamwire.amf.AmfException.class);
            });
        });
        // AMF3 command message: the format byte comes first
        byte[] amf3 = concat(new byte[] {0}, CONNECT_WITH_REPEATED_NAME);
        RtmpCommand c3 = RtmpCommand.parse(MessageType.COMMAND_AMF3, ByteBuffer.wrap(amf3), 1000, AmfLimits.defaults());
        assertThat(c3).isInstanceOfSatisfying(RtmpCommand.Connect.class, k ->
                assertThatThrownBy(k::commandObject).isInstanceOfSatisfying(RtmpException.class,
                        e -> assertThat(e.offset()).isEqualTo(1030L)));
    }

    @Test
    void amf3MessageErrorsCountTheFormatByte() {
        // "connect" then a number cut short: the number's marker is at AMF0 offset 10, after the format byte
        byte[] command = {0, 2, 0, 7, 'c', 'o', 'n', 'n', 'e', 'c', 't', 0x00, 0x3F};
        assertThatThrownBy(() -> RtmpCommand.parse(MessageType.COMMAND_AMF3, ByteBuffer.wrap(command), 100,
                AmfLimits.defaults())).isInstanceOfSatisfying(RtmpException.class,
                        e -> assertThat(e.offset()).isEqualTo(111L));
        byte[] data = {0, 2, 0, 5, 'a'}; // a string declaring 5 bytes, 1 present
        assertThatThrownBy(() -> DataMessage.parse(MessageType.DATA_AMF3, ByteBuffer.wrap(data), 100,
                AmfLimits.defaults())).isInstanceOfSatisfying(RtmpException.class, e -> {
                    assertThat(e.field()).isEqualTo("data message amf0 string");
                    assertThat(e.offset()).isEqualTo(101L);
                });
    }

    @Test
    void aMistypedArgumentErrorPointsAtTheArgument() {
        // "publish", 0, null, 5: the stream name is a number, at body offset 10 + 9 + 1 = 20
        byte[] body = Amf0Command.of("publish", 0, Amf0Null.INSTANCE, Amf0Value.of(5)).toByteArray();
        assertThatThrownBy(() -> RtmpCommand.parse(MessageType.COMMAND_AMF0, ByteBuffer.wrap(body), 1000,
                AmfLimits.defaults())).isInstanceOfSatisfying(RtmpException.class, e -> {
                    assertThat(e.field()).isEqualTo("command publish argument 0");
                    assertThat(e.offset()).isEqualTo(1020L); // before: 1000, the message
                });
        // absent: the end of the body
        byte[] bare = Amf0Command.of("play", 0, Amf0Null.INSTANCE).toByteArray();
        assertThatThrownBy(() -> RtmpCommand.parse(MessageType.COMMAND_AMF0, ByteBuffer.wrap(bare), 1000,
                AmfLimits.defaults())).isInstanceOfSatisfying(RtmpException.class,
                        e -> assertThat(e.offset()).isEqualTo(1000L + bare.length));
    }

    /** A server session past the handshake (3073 bytes received) that accepts connect and publish requests. */
    static ServerSession handshaken(ServerSession.Listener listener) {
        ServerSession server = new ServerSession(listener, RtmpLimits.defaults(), AmfLimits.defaults(), new Random(5));
        ClientHandshake hs = new ClientHandshake(false, new Random(6));
        server.feed(hs.takeOutbound());
        hs.read(server.pollOutbound());
        server.feed(hs.takeOutbound());
        assertThat(server.position()).isEqualTo(3073);
        return server;
    }

    static ByteBuffer command(int streamId, Amf0Command c) {
        return new ChunkEncoder().encode(3, 0, MessageType.COMMAND_AMF0, streamId, ByteBuffer.wrap(c.toByteArray()));
    }

    @Test
    void tooManyUnansweredRequestsFailAtTheCommandThatOverflows() {
        ServerSession server = handshaken(new ServerSession.Listener() {
            @Override
            public void onConnectRequest(ServerSession s, long id, RtmpCommand.Connect c) {
                s.accept(id);
            }
        });
        server.feed(command(0, RtmpCommand.Connect.of("live", "rtmp://h/live").toAmf0()));
        server.feed(command(0, new RtmpCommand.CreateStream(2).toAmf0()));
        Amf0Command publish = Amf0Command.of("publish", 0, Amf0Null.INSTANCE, Amf0Value.of("key"), Amf0Value.of("live"));
        for (int i = 0; i < 64; i++) { // never answered
            server.feed(command(1, publish));
        }
        long payloadOffset = server.position() + 12; // after the 12-byte chunk header
        assertThatThrownBy(() -> server.feed(command(1, publish))).isInstanceOfSatisfying(RtmpException.class, e -> {
            assertThat(e.field()).isEqualTo("command publish");
            assertThat(e.offset()).isEqualTo(payloadOffset); // before: -1
        });
    }

    @Test
    void errorsInsideAnAggregatePointAtTheSubMessage() {
        ServerSession server = handshaken(new ServerSession.Listener() {
            @Override
            public void onConnectRequest(ServerSession s, long id, RtmpCommand.Connect c) {
                s.accept(id);
            }

            @Override
            public void onPublishRequest(ServerSession s, long id, int streamId, RtmpCommand.Publish p) {
                s.accept(id);
            }
        });
        server.feed(command(0, RtmpCommand.Connect.of("live", "rtmp://h/live").toAmf0()));
        server.feed(command(0, new RtmpCommand.CreateStream(2).toAmf0()));
        server.feed(command(1, Amf0Command.of("publish", 0, Amf0Null.INSTANCE, Amf0Value.of("key"), Amf0Value.of("live"))));
        byte[] aggregate = concat(
                hex("09 000002 000000 00 000000 1700 0000000d"),     // a video sub-message, back pointer 13
                hex("12 000004 000000 00 000000 02000561 0000000f")); // a data sub-message: string cut short
        long aggregateOffset = server.position() + 12;
        ByteBuffer chunks = new ChunkEncoder().encode(4, 0, MessageType.AGGREGATE, 1, ByteBuffer.wrap(aggregate));
        assertThatThrownBy(() -> server.feed(chunks)).isInstanceOfSatisfying(RtmpException.class, e -> {
            assertThat(e.field()).isEqualTo("data message amf0 string");
            assertThat(e.offset()).isEqualTo(aggregateOffset + 17 + 11); // before: the aggregate's own offset
        });
    }
}

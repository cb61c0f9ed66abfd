package io.streamwire.rtmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.testkit.ByteOrders;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RTMP is big-endian (but for the little-endian message stream id) whatever order the caller's
 * buffer is set to: control messages, aggregates and chunks are read and written the same from and
 * into a little-endian buffer, and the buffer's order is left as it was.
 */
class ByteOrderTest {

    static Stream<ControlMessage> controlMessages() {
        return Stream.of(new SetChunkSize(0x0102_0304), new AbortMessage(0x0A0B0C0D), new Acknowledgement(0xFEDC_BA98L),
                new WindowAcknowledgementSize(2_500_000), new SetPeerBandwidth(0x0102_0304, 2),
                UserControlMessage.streamBegin(0x01020304),
                new UserControlMessage(UserControlMessage.SET_BUFFER_LENGTH, 1, 0x0001_0203),
                new UserControlMessage(UserControlMessage.PING_REQUEST, 0xFFFF_FFFEL, 0));
    }

    @ParameterizedTest
    @MethodSource("controlMessages")
    void controlMessageIsTheSameInEveryBufferOrder(ControlMessage message) {
        byte[] bytes = ByteOrders.writtenInEveryOrder(16, message::writeTo);
        assertThat(bytes).hasSize(message.encodedSize());
        assertThat(ByteOrders.parsedFromEveryKind(bytes, in -> ControlMessage.parse(message.messageTypeId(), in, 0)))
                .containsOnly(message);
    }

    @Test
    void userControlMessageIsBigEndian() {
        byte[] bytes = ByteOrders.writtenInEveryOrder(16, UserControlMessage.streamBegin(0x01020304)::writeTo);
        assertThat(bytes).containsExactly(0, 0, 1, 2, 3, 4); // Stream Begin, stream id
    }

    @Test
    void aggregateIsSplitTheSameFromEveryBufferOrder() {
        // two sub-messages: type, 24-bit size, 24-bit timestamp + extension byte, 24-bit stream id, data, back pointer
        byte[] aggregate = HexFormat.of().parseHex(
                "08" + "000002" + "000100" + "00" + "000001" + "af01" + "0000000d"
                        + "09" + "000003" + "000164" + "00" + "000001" + "170000" + "0000000e");
        record Sub(long timestamp, int type, int streamId, String body) {}
        for (List<Sub> subs : ByteOrders.parsedFromEveryKind(aggregate, in -> {
            List<Sub> list = new ArrayList<>();
            AggregateMessage.split(0x0100, 1, in, RtmpLimits.defaults(), 0,
                    (ts, type, sid, body) -> list.add(new Sub(ts, type, sid, HexFormat.of().formatHex(toArray(body)))));
            return list;
        })) {
            assertThat(subs).containsExactly(new Sub(0x0100, MessageType.AUDIO, 1, "af01"),
                    new Sub(0x0164, MessageType.VIDEO, 1, "170000"));
        }
    }

    @Test
    void chunksAreTheSameInEveryBufferOrder() {
        byte[] payload = new byte[300];
        payload[299] = 7;
        byte[] chunks = ByteOrders.writtenInEveryOrder(1024, out -> {
            ChunkEncoder encoder = new ChunkEncoder();
            encoder.encode(6, 0x0203_0405L, MessageType.VIDEO, 0x01020304, ByteBuffer.wrap(payload), out);
            encoder.writeSetChunkSize(4096, out);
        });
        // type 0: timestamp 0xFFFFFF, length 300, type 9, message stream id (little-endian), extended timestamp
        assertThat(HexFormat.of().formatHex(chunks, 0, 16)).isEqualTo("06" + "ffffff" + "00012c" + "09" + "04030201" + "02030405");
        // the type-3 continuation chunk repeats the extended timestamp
        assertThat(HexFormat.of().formatHex(chunks, 16 + 128, 16 + 128 + 5)).isEqualTo("c6" + "02030405");
        // Set Chunk Size 4096 on chunk stream 2, message stream 0
        assertThat(HexFormat.of().formatHex(chunks, chunks.length - 16, chunks.length))
                .isEqualTo("02" + "000000" + "000004" + "01" + "00000000" + "00001000");
        for (io.streamwire.testkit.Chunks.Kind kind : io.streamwire.testkit.Chunks.Kind.values()) {
            assertThat(Msg.decode(List.of(chunks), kind, RtmpLimits.defaults())).as(kind.name())
                    .startsWith(new Msg(6, 0x0203_0405L, MessageType.VIDEO, 0x01020304, payload));
        }
    }

    private static byte[] toArray(ByteBuffer b) {
        byte[] bytes = new byte[b.remaining()];
        b.duplicate().get(bytes);
        return bytes;
    }
}

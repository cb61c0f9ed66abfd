package io.streamwire.rtmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.amf.Amf0Command;
import io.streamwire.amf.Amf0Null;
import io.streamwire.amf.Amf0Undefined;
import io.streamwire.amf.Amf0Value;
import io.streamwire.amf.AmfLimits;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RtmpCommandTest {

    static Stream<Amf0Command> bodies() {
        Amf0Value n = Amf0Null.INSTANCE;
        return Stream.of(
                Amf0Command.of("publish", 5, n, Amf0Value.of("key?token=abc"), Amf0Value.of("live")),
                Amf0Command.of("publish", 0, n, Amf0Value.of("key"), Amf0Value.of("record")),
                Amf0Command.of("publish", 0, n, Amf0Value.of("key")),
                Amf0Command.of("publish", 0, n, Amf0Value.of(3)), // wrong type: general path raises
                Amf0Command.of("play", 4, n, Amf0Value.of("key")),
                Amf0Command.of("play", 4, n, Amf0Value.of("key"), Amf0Value.of(-1000)),
                Amf0Command.of("play", 4, n, Amf0Value.of("key"), Amf0Value.of(-2), Amf0Value.of(-1), Amf0Value.of(false)),
                Amf0Command.of("play", 4, n, Amf0Value.of("key"), Amf0Value.of(-2), Amf0Value.of(-1), Amf0Value.of(true)),
                Amf0Command.of("createStream", 2, n),
                Amf0Command.of("createStream", 2, Amf0Undefined.INSTANCE),
                Amf0Command.of("deleteStream", 6, n, Amf0Value.of(1)),
                Amf0Command.of("closeStream", 0, n),
                Amf0Command.of("FCPublish", 3, n, Amf0Value.of("key")),
                Amf0Command.of("releaseStream", 2, n, Amf0Value.of("key")),
                Amf0Command.of("FCUnpublish", 7, n, Amf0Value.of("key")),
                Amf0Command.of("getStreamLength", 3, n, Amf0Value.of("key")),
                Amf0Command.of("onStatus", 0, n, Amf0Value.object(Map.of("level", Amf0Value.of("status"),
                        "code", Amf0Value.of("NetStream.Publish.Start")))),
                Amf0Command.of("_result", 1, n, Amf0Value.of(1)),
                Amf0Command.of("connect", 1, Amf0Value.object(Map.of("app", Amf0Value.of("live"),
                        "fourCcList", Amf0Value.array(List.of(Amf0Value.of("hvc1"), Amf0Value.of("av01")))))),
                Amf0Command.of("connect", 1, Amf0Value.object(new java.util.LinkedHashMap<>(Map.of("app", Amf0Value.of("live"),
                        "tcUrl", Amf0Value.of("rtmp://h/live"), "flashVer", Amf0Value.of("FMLE/3.0"),
                        "objectEncoding", Amf0Value.of(0), "capsEx", Amf0Value.of(15),
                        "nested", Amf0Value.object(Map.of("a", Amf0Value.array(List.of(Amf0Value.of(1))))))))),
                Amf0Command.of("connect", 1, Amf0Value.object(Map.of("app", Amf0Value.of(5)))), // non-string app
                Amf0Command.of("connect", 1, Amf0Value.object(Map.of("fourCcList", Amf0Value.array(
                        List.of(Amf0Value.of("hvc1"), Amf0Value.of(7)))))), // non-string entry: skipped
                Amf0Command.of("connect", 1, Amf0Value.object(Map.of("app", Amf0Value.of("live"))), Amf0Value.of("user")),
                Amf0Command.of("connect", 1, Amf0Null.INSTANCE),
                Amf0Command.of("somethingElse", 9, n, Amf0Value.of(true)));
    }

    /** The token-reader fast path and the value-tree path agree on every body (or both raise). */
    @ParameterizedTest
    @MethodSource("bodies")
    void fastPathAgreesWithTheGeneralPath(Amf0Command body) {
        byte[] bytes = body.toByteArray();
        RtmpCommand fast = RtmpCommands.fast(ByteBuffer.wrap(bytes), AmfLimits.defaults());
        RtmpCommand general;
        try {
            general = RtmpCommands.typed(Amf0Command.parse(ByteBuffer.wrap(bytes)), 0);
        } catch (RtmpException e) {
            assertThat(fast).isNull();
            assertThatThrownBy(() -> RtmpCommand.parse(20, ByteBuffer.wrap(bytes))).isInstanceOf(RtmpException.class);
            return;
        }
        if (fast != null) {
            assertThat(fast).isEqualTo(general);
            assertThat(fast.toAmf0()).isEqualTo(general.toAmf0());
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        assertThat(RtmpCommand.parse(20, in)).isEqualTo(general);
        assertThat(in.position()).isZero();
    }

    @Test
    void connectWithARepeatedPropertyParsesButHasNoTree() {
        byte[] body = java.util.HexFormat.of().parseHex(
                "020007" + "636f6e6e656374" + "00" + "3ff0000000000000"   // "connect", 1
                + "03" + "0003" + "617070" + "020001" + "61"               // { app: "a",
                + "0003" + "617070" + "020001" + "62" + "000009");          //   app: "b" }
        RtmpCommand c = RtmpCommand.parse(20, ByteBuffer.wrap(body));
        assertThat(c).isInstanceOfSatisfying(RtmpCommand.Connect.class, k -> {
            assertThat(k.app()).isEqualTo("b");
            assertThatThrownBy(k::commandObject).isInstanceOf(RtmpException.class).hasMessageContaining("connect command object");
        });
    }

    @Test
    void typedFields() {
        RtmpCommand c = RtmpCommand.parse(20, ByteBuffer.wrap(Amf0Command.of("connect", 1, Amf0Value.object(Map.of(
                "app", Amf0Value.of("live"), "tcUrl", Amf0Value.of("rtmp://h/live"), "objectEncoding", Amf0Value.of(3),
                "fourCcList", Amf0Value.array(List.of(Amf0Value.of("hvc1"), Amf0Value.of("av01")))))).toByteArray()));
        assertThat(c).isInstanceOfSatisfying(RtmpCommand.Connect.class, k -> {
            assertThat(k.app()).isEqualTo("live");
            assertThat(k.tcUrl()).isEqualTo("rtmp://h/live");
            assertThat(k.objectEncoding()).isEqualTo(3.0);
            assertThat(k.fourCcList()).containsExactly("hvc1", "av01");
        });
        RtmpCommand p = RtmpCommand.parse(20, ByteBuffer.wrap(Amf0Command.of("publish", 5, Amf0Null.INSTANCE,
                Amf0Value.of("key?token=abc&x"), Amf0Value.of("live")).toByteArray()));
        assertThat(p).isInstanceOfSatisfying(RtmpCommand.Publish.class, q -> {
            assertThat(q.streamKey()).isEqualTo("key");
            assertThat(q.queryParameters()).containsExactly(Map.entry("token", "abc"), Map.entry("x", ""));
        });
        // AMF3 command (type 17): leading format byte 0, then AMF0
        byte[] amf0 = Amf0Command.of("createStream", 2, Amf0Null.INSTANCE).toByteArray();
        byte[] amf3 = new byte[amf0.length + 1];
        System.arraycopy(amf0, 0, amf3, 1, amf0.length);
        assertThat(RtmpCommand.parse(17, ByteBuffer.wrap(amf3))).isEqualTo(new RtmpCommand.CreateStream(2));
        // round trip through toAmf0
        assertThat(RtmpCommand.parse(20, ByteBuffer.wrap(p.toAmf0().toByteArray()))).isEqualTo(p);
    }
}

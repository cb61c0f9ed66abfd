package io.streamwire.flv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.amf.Amf0Reader;
import io.streamwire.amf.Amf0Value;
import io.streamwire.amf.Amf0Writer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link FlvStreamWriter}: bytes as Adobe FLV/F4V v10.1 Annex E lays them out, read back by {@link FlvDecoder}. */
class FlvStreamWriterTest {

    static List<FlvTagHeader> readBack(byte[] file, List<byte[]> bodies) {
        Collector c = new Collector();
        FlvDecoder d = new FlvDecoder(c);
        d.feed(ByteBuffer.wrap(file));
        d.endOfInput();
        assertThat(c.anomalies).isEmpty();
        bodies.addAll(c.bodies);
        return c.headers;
    }

    @Test
    void headerAndPreviousTagSizesAreTheSpecsBytes() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        FlvStreamWriter w = FlvStreamWriter.of(sink, true, false);
        ByteBuffer body = ByteBuffer.wrap(new byte[] {(byte) 0xAF, 1, 9, 9});
        w.writeTag(8, 0x0123_4567L, body);
        w.close();
        byte[] b = sink.toByteArray();
        // E.2: "FLV", version 1, TypeFlagsAudio (bit 2), DataOffset 9; E.3: PreviousTagSize0 = 0
        assertThat(java.util.Arrays.copyOf(b, 13)).containsExactly('F', 'L', 'V', 1, 4, 0, 0, 0, 9, 0, 0, 0, 0);
        // E.4.1: TagType 8, DataSize 4, Timestamp low 24 bits, TimestampExtended = bits 24-31, StreamID 0
        assertThat(java.util.Arrays.copyOfRange(b, 13, 24)).containsExactly(8, 0, 0, 4, 0x23, 0x45, 0x67, 0x01, 0, 0, 0);
        assertThat(java.util.Arrays.copyOfRange(b, 24, 28)).containsExactly(0xAF, 1, 9, 9);
        // PreviousTagSize1 = 11 + DataSize
        assertThat(java.util.Arrays.copyOfRange(b, 28, 32)).containsExactly(0, 0, 0, 15);
        assertThat(b).hasSize(32);
        assertThat(w.bytesWritten()).isEqualTo(32);
        assertThat(w.tagsWritten()).isEqualTo(1);
        assertThat(body.position()).as("body not moved").isZero();
    }

    @Test
    void timestampsPast24BitsAnd31BitsAndTheWrapAt32Bits() throws IOException {
        long[] in = {0, 0xFF_FFFFL, 0x100_0000L, 16_800_000L, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL,
            0x1_0000_0005L};
        long[] want = {0, 0xFF_FFFFL, 0x100_0000L, 16_800_000L, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL, 5};
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        // a channel that is not a GatheringByteChannel: three writes per tag
        try (FlvStreamWriter w = FlvStreamWriter.of(Channels.newChannel(sink), false, true)) {
            for (long t : in) {
                w.writeTag(9, t, ByteBuffer.wrap(new byte[] {0x17, 1, 0, 0, 0}));
            }
        }
        List<FlvTagHeader> tags = readBack(sink.toByteArray(), new java.util.ArrayList<>());
        assertThat(tags.stream().mapToLong(FlvTagHeader::timestampUnsigned).toArray()).containsExactly(want);
    }

    @Test
    void setDataFrameIsDroppedFromValuesAndFromRawBodies() throws IOException {
        Amf0Value meta = Amf0Value.object(Map.of("width", Amf0Value.of(320.0)));
        List<Amf0Value> asReceived = List.of(Amf0Value.of("@setDataFrame"), Amf0Value.of("onMetaData"), meta);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (FlvStreamWriter w = FlvStreamWriter.of(sink, true, true)) {
            w.writeScriptData(0, asReceived);
            w.writeScriptData(0, ByteBuffer.wrap(Amf0Writer.encode(asReceived)));
            w.writeScriptData(0, List.of(Amf0Value.of("onMetaData"), meta)); // already without: unchanged
            w.writeScriptData(0, ByteBuffer.wrap(Amf0Writer.encode(List.of(Amf0Value.of("onCuePoint"), meta))));
        }
        List<byte[]> bodies = new java.util.ArrayList<>();
        List<FlvTagHeader> tags = readBack(sink.toByteArray(), bodies);
        assertThat(tags).allSatisfy(t -> assertThat(t.tagType()).isEqualTo(FlvTagHeader.SCRIPT_DATA));
        for (int i = 0; i < 3; i++) {
            assertThat(Amf0Reader.readAll(ByteBuffer.wrap(bodies.get(i)))).containsExactly(Amf0Value.of("onMetaData"), meta);
        }
        assertThat(Amf0Reader.readAll(ByteBuffer.wrap(bodies.get(3)))).containsExactly(Amf0Value.of("onCuePoint"), meta);
    }

    @Test
    void refusesBeforeWritingAnything() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        FlvStreamWriter w = FlvStreamWriter.of(sink, true, true);
        assertThatThrownBy(() -> w.writeTag(9, -1, ByteBuffer.allocate(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.writeTag(9, 0, ByteBuffer.allocate(1 << 24))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.writeTag(32, 0, ByteBuffer.allocate(1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(sink.size()).isZero();
        w.writeTag(9, 0, ByteBuffer.allocate((1 << 24) - 1)); // the largest DataSize
        assertThat(w.bytesWritten()).isEqualTo(13 + 11 + (1 << 24) - 1 + 4);
    }

    @Test
    void anEmptyFileIsTheHeaderAlone() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        FlvStreamWriter.of(sink, false, false).close();
        assertThat(sink.toByteArray()).containsExactly('F', 'L', 'V', 1, 0, 0, 0, 0, 9, 0, 0, 0, 0);
    }

    @Test
    void partialWritesOfAGatheringChannelAreCompleted() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        /* a gathering channel that takes at most 3 bytes per call */
        class Trickle implements java.nio.channels.GatheringByteChannel {
            public long write(ByteBuffer[] srcs, int offset, int length) {
                for (int i = offset; i < offset + length; i++) {
                    if (srcs[i].hasRemaining()) {
                        return write(srcs[i]);
                    }
                }
                return 0;
            }
            public long write(ByteBuffer[] srcs) {
                return write(srcs, 0, srcs.length);
            }
            public int write(ByteBuffer src) {
                int n = Math.min(3, src.remaining());
                for (int i = 0; i < n; i++) {
                    sink.write(src.get());
                }
                return n;
            }
            public boolean isOpen() {
                return true;
            }
            public void close() {}
        }
        WritableByteChannel channel = new Trickle();
        try (FlvStreamWriter w = FlvStreamWriter.of(channel, true, true)) {
            w.writeTag(8, 40, ByteBuffer.wrap(new byte[] {(byte) 0xAF, 1, 2, 3, 4, 5, 6}));
            w.writeTag(9, 40, ByteBuffer.wrap(new byte[] {0x27, 1, 0, 0, 0, 7}));
        }
        List<byte[]> bodies = new java.util.ArrayList<>();
        List<FlvTagHeader> tags = readBack(sink.toByteArray(), bodies);
        assertThat(tags).extracting(FlvTagHeader::tagType).containsExactly(8, 9);
        assertThat(bodies.get(1)).containsExactly(0x27, 1, 0, 0, 0, 7);
    }
}

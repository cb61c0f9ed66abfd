package io.streamwire.rtmp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** A decoded message, copied out of the decoder's view, for assertions. */
record Msg(int csid, long timestamp, int type, int streamId, byte[] payload) {
    static Msg of(int csid, long timestamp, int type, int streamId, ByteBuffer payload) {
        byte[] bytes = new byte[payload.remaining()];
        payload.get(payload.position(), bytes);
        return new Msg(csid, timestamp, type, streamId, bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Msg m && m.csid == csid && m.timestamp == timestamp && m.type == type
                && m.streamId == streamId && Arrays.equals(m.payload, payload);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(payload) * 31 + (int) timestamp;
    }

    @Override
    public String toString() {
        String hex = HexFormat.of().formatHex(payload, 0, Math.min(16, payload.length));
        return "Msg[cs " + csid + " ts " + timestamp + " type " + type + " sid " + streamId + " len " + payload.length
                + " " + hex + "]";
    }

    /** Collects messages. */
    static final class Sink implements ChunkDecoder.Listener {
        final List<Msg> messages = new ArrayList<>();

        @Override
        public void onMessage(int chunkStreamId, long timestamp, int messageTypeId, int messageStreamId, ByteBuffer payload) {
            messages.add(Msg.of(chunkStreamId, timestamp, messageTypeId, messageStreamId, payload));
        }
    }

    /** Decodes {@code pieces} fed one by one into buffers of {@code kind}. */
    static List<Msg> decode(List<byte[]> pieces, io.streamwire.testkit.Chunks.Kind kind, RtmpLimits limits) {
        Sink sink = new Sink();
        ChunkDecoder decoder = new ChunkDecoder(sink, limits);
        for (byte[] piece : pieces) {
            ByteBuffer in = kind.wrap(piece);
            int limit = in.limit();
            decoder.feed(in);
            if (in.position() != limit || in.limit() != limit) {
                throw new AssertionError("feed left position " + in.position() + " limit " + in.limit() + " of " + limit);
            }
        }
        decoder.endOfInput();
        return sink.messages;
    }
}

package io.streamwire.flv;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Test listener recording every event as text, and tags as copies. */
final class Collector implements FlvDecoder.Listener {
    final List<String> events = new ArrayList<>();
    final List<FlvTagHeader> headers = new ArrayList<>();
    final List<byte[]> bodies = new ArrayList<>();
    final List<Long> offsets = new ArrayList<>();
    final List<FlvAnomaly> anomalies = new ArrayList<>();
    FlvHeader header;

    @Override
    public void onHeader(FlvHeader header) {
        this.header = header;
        events.add("header " + header);
    }

    @Override
    public void onTag(FlvTag tag) {
        headers.add(tag.header());
        bodies.add(tag.toByteArray());
        offsets.add(tag.offset());
        events.add("tag " + tag.header() + " @" + tag.offset() + " " + HexFormat.of().formatHex(tag.toByteArray()));
    }

    @Override
    public void onAnomaly(FlvAnomaly anomaly) {
        anomalies.add(anomaly);
        events.add("anomaly " + anomaly);
    }

    static Collector decode(byte[] file) {
        return decode(List.of(file), FlvLimits.defaults());
    }

    static Collector decode(List<byte[]> pieces, FlvLimits limits) {
        return decode(pieces, limits, -1);
    }

    /** With {@code chainWindow} bytes per multi-chain window (0: single chain only, -1: the default). */
    static Collector decode(List<byte[]> pieces, FlvLimits limits, int chainWindow) {
        Collector c = new Collector();
        FlvDecoder d = chainWindow < 0 ? new FlvDecoder(c, limits) : new FlvDecoder(c, limits, chainWindow);
        for (byte[] p : pieces) {
            ByteBuffer b = ByteBuffer.wrap(p);
            d.feed(b);
            if (b.hasRemaining()) {
                throw new AssertionError("feed left bytes");
            }
        }
        d.endOfInput();
        return c;
    }
}

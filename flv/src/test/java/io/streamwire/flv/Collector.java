package io.streamwire.flv;

import io.streamwire.core.Anomaly;
import io.streamwire.core.Interest;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Test listener recording every event as text, and tags as copies. With {@link #fragments} it
 * answers {@link Interest#FRAGMENTS} and reassembles each body from its pieces, so that its events
 * must equal those of a whole-tag collector.
 */
final class Collector implements FlvDecoder.Listener {
    final List<String> events = new ArrayList<>();
    final List<FlvTagHeader> headers = new ArrayList<>();
    final List<byte[]> bodies = new ArrayList<>();
    final List<Long> offsets = new ArrayList<>();
    final List<Anomaly<FlvAnomalyKind>> anomalies = new ArrayList<>();
    final boolean fragments;
    private ByteArrayOutputStream pending;
    FlvHeader header;

    Collector() {
        this(false);
    }

    Collector(boolean fragments) {
        this.fragments = fragments;
    }

    @Override
    public void onHeader(FlvHeader header) {
        this.header = header;
        pending = null; // a new stream (after reset()): a tag cut short before it is gone
        events.add("header " + header);
    }

    @Override
    public Interest onTagHeader(FlvTag tag) {
        if (pending != null) {
            throw new AssertionError("a tag header before the last fragment of the tag before it");
        }
        return fragments ? Interest.FRAGMENTS : Interest.WHOLE;
    }

    @Override
    public void onTag(FlvTag tag) {
        if (fragments) {
            throw new AssertionError("onTag for a tag answered FRAGMENTS");
        }
        tag(tag.header(), tag.offset(), tag.toByteArray());
    }

    @Override
    public void onTagFragment(FlvTag tag, ByteBuffer part, boolean last) {
        if (!fragments) {
            throw new AssertionError("onTagFragment for a tag answered WHOLE");
        }
        if (!part.isReadOnly()) {
            throw new AssertionError("a fragment must be read-only");
        }
        if (pending == null) {
            pending = new ByteArrayOutputStream();
        }
        byte[] bytes = new byte[part.remaining()];
        part.get(bytes);
        pending.writeBytes(bytes);
        if (last) {
            byte[] body = pending.toByteArray();
            pending = null;
            if (body.length != tag.dataSize()) {
                throw new AssertionError("fragments of " + body.length + " bytes for DataSize " + tag.dataSize());
            }
            tag(tag.header(), tag.offset(), body);
        }
    }

    private void tag(FlvTagHeader h, long offset, byte[] body) {
        headers.add(h);
        bodies.add(body);
        offsets.add(offset);
        events.add("tag " + h + " @" + offset + " " + HexFormat.of().formatHex(body));
    }

    @Override
    public void onAnomaly(Anomaly<FlvAnomalyKind> anomaly) {
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
        return decode(pieces, limits, chainWindow, false);
    }

    /** As above; {@code fragments}: answer {@link Interest#FRAGMENTS} and reassemble. */
    static Collector decode(List<byte[]> pieces, FlvLimits limits, int chainWindow, boolean fragments) {
        Collector c = new Collector(fragments);
        FlvDecoder d = chainWindow < 0 ? new FlvDecoder(c, limits) : new FlvDecoder(c, limits, chainWindow);
        long fed = 0;
        for (byte[] p : pieces) {
            ByteBuffer b = ByteBuffer.wrap(p);
            d.feed(b);
            fed += p.length;
            if (b.hasRemaining()) {
                throw new AssertionError("feed left bytes");
            }
            if (d.position() != fed) {
                throw new AssertionError("position() " + d.position() + " after feeding " + fed + " bytes");
            }
        }
        d.endOfInput();
        if (d.position() != fed) {
            throw new AssertionError("position() " + d.position() + " after endOfInput, " + fed + " bytes fed");
        }
        return c;
    }
}

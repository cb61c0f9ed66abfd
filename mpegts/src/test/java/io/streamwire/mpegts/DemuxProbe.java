package io.streamwire.mpegts;

import io.streamwire.core.Anomaly;
import io.streamwire.core.Interest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Demuxes a TS with {@link TsDemuxer} into rows shaped like ffprobe's {@code -show_packets}
 * (pid, pts, dts, size, pos, key): video PES one row each, AAC ADTS split into frames with PTS
 * interpolated the way ffmpeg's parser does (1024 samples per frame).
 */
final class DemuxProbe implements TsDemuxer.Listener {
    /** One demuxed access unit. */
    record Row(int pid, long pts, long dts, int size, long pos, boolean key) {}

    final List<Row> rows = new ArrayList<>();
    final List<Anomaly<TsAnomalyKind>> anomalies = new ArrayList<>();
    final Map<Integer, Integer> streamTypes = new HashMap<>();
    final List<Long> pcrs = new ArrayList<>();
    final Map<Integer, List<Long>> pcrsByPid = new HashMap<>();
    final List<byte[]> payloads = new ArrayList<>();
    final boolean keepPayloads;
    private final boolean fragments;
    private final Map<Integer, ByteBuffer> fragmentCopies = new HashMap<>();

    DemuxProbe(boolean fragments, boolean keepPayloads) {
        this.fragments = fragments;
        this.keepPayloads = keepPayloads;
    }

    static DemuxProbe run(List<byte[]> pieces, boolean fragments) {
        DemuxProbe probe = new DemuxProbe(fragments, false);
        TsDemuxer demuxer = new TsDemuxer(probe);
        for (byte[] piece : pieces) {
            demuxer.feed(ByteBuffer.wrap(piece));
        }
        demuxer.endOfInput();
        return probe;
    }

    @Override
    public void onPmt(io.streamwire.mpegts.psi.Pmt pmt) {
        pmt.streams().forEach(s -> streamTypes.put(s.elementaryPid(), s.streamType()));
    }

    @Override
    public Interest onPesStart(TsStream stream) {
        if (fragments) {
            fragmentCopies.put(stream.pid(), ByteBuffer.allocate(1 << 20));
            return Interest.FRAGMENTS;
        }
        return Interest.WHOLE;
    }

    @Override
    public void onPesFragment(TsStream stream, ByteBuffer fragment) {
        fragmentCopies.get(stream.pid()).put(fragment);
    }

    @Override
    public void onPesEnd(TsStream stream, boolean complete) {
        if (complete) {
            onPes(stream, fragmentCopies.get(stream.pid()).flip());
        }
    }

    @Override
    public void onPes(TsStream stream, ByteBuffer payload) {
        if (keepPayloads) {
            byte[] copy = new byte[payload.remaining()];
            payload.duplicate().get(copy);
            payloads.add(copy);
        }
        boolean audio = stream.streamId() >= 0xC0 && stream.streamId() <= 0xDF;
        if (stream.type() == StreamType.AAC_ADTS || audio && payload.remaining() >= 2
                && (payload.getShort(payload.position()) & 0xFFF6) == 0xFFF0) {
            int at = payload.position();
            int k = 0;
            while (payload.limit() - at >= 7 && (payload.getShort(at) & 0xFFF6) == 0xFFF0) {
                int length = ((payload.get(at + 3) & 3) << 11) | ((payload.get(at + 4) & 0xFF) << 3) | ((payload.get(at + 5) & 0xE0) >>> 5);
                int rate = new int[] {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350, 1, 1, 1}
                        [(payload.get(at + 2) & 0x3C) >>> 2];
                long pts = stream.pts() + Math.round(k * 1024.0 * 90000 / rate); // as ffmpeg's parser interpolates
                rows.add(new Row(stream.pid(), pts, pts, length, k == 0 ? stream.pesOffset() : -1, true));
                at += length;
                k++;
            }
        } else {
            rows.add(new Row(stream.pid(), stream.pts(), stream.dts(), payload.remaining(), stream.pesOffset(), stream.randomAccess()));
        }
    }

    @Override
    public void onPcr(int pid, long pcr27MHz, long offset) {
        pcrs.add(pcr27MHz);
        pcrsByPid.computeIfAbsent(pid, p -> new ArrayList<>()).add(pcr27MHz);
    }

    @Override
    public void onAnomaly(Anomaly<TsAnomalyKind> anomaly) {
        anomalies.add(anomaly);
    }
}

package io.streamwire.mpegts;

import io.streamwire.core.Interest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Test helper: demuxes a TS into access units and muxes them again with {@link TsMuxer}. */
final class Remux {
    /** One access unit (video) or PES of ADTS frames (audio). */
    record Unit(int pid, boolean video, long pts, long dts, boolean key, byte[] data) {}

    private Remux() {}

    static List<Unit> units(byte[] ts) {
        List<Unit> units = new ArrayList<>();
        TsDemuxer demuxer = new TsDemuxer(new TsDemuxer.Listener() {
            @Override
            public Interest onPesStart(TsStream stream) {
                return Interest.WHOLE;
            }

            @Override
            public void onPes(TsStream stream, ByteBuffer payload) {
                byte[] data = new byte[payload.remaining()];
                payload.get(data);
                boolean video = stream.type() == StreamType.H264 || stream.type() == StreamType.HEVC;
                units.add(new Unit(stream.pid(), video, stream.pts(), stream.dts(), stream.randomAccess(), data));
            }
        });
        demuxer.feed(ByteBuffer.wrap(ts));
        demuxer.endOfInput();
        return units;
    }

    /** Muxes units; {@code segmentStarts} receives the output offset of each segment (cut before every keyframe). */
    static byte[] mux(List<Unit> units, TsMuxer muxer, List<Integer> segmentStarts) {
        ByteBuffer out = ByteBuffer.allocate(8 << 20);
        for (Unit u : units) {
            ByteBuffer data = ByteBuffer.wrap(u.data());
            if (u.video()) {
                if (u.key() && segmentStarts != null) {
                    muxer.startSegment();
                    segmentStarts.add(out.position());
                }
                muxer.writeVideo(data, u.pts(), u.dts(), u.key(), out);
            } else {
                muxer.writeAudio(data, u.pts(), out);
            }
        }
        if (muxer.config().audio()) {
            muxer.flush(out);
        }
        return java.util.Arrays.copyOf(out.array(), out.position());
    }
}

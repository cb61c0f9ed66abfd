package io.streamwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.core.Anomaly;
import io.streamwire.core.Interest;
import io.streamwire.mpegts.StreamType;
import io.streamwire.mpegts.TsAnomalyKind;
import io.streamwire.mpegts.TsDemuxer;
import io.streamwire.mpegts.TsFramer;
import io.streamwire.mpegts.TsMuxer;
import io.streamwire.mpegts.TsMuxerConfig;
import io.streamwire.mpegts.TsStream;
import io.streamwire.testkit.Fixtures;
import io.streamwire.testkit.ReadmeSnippets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's usage examples for this module, compiled and run against the public API only. */
class TsReadmeExampleTest {

    @Test
    void demuxes() {
        ByteBuffer ts = ByteBuffer.wrap(Fixtures.bytes("mpegts/h264-aac.ts"));
        List<String> accessUnits = new ArrayList<>();
        List<Anomaly<TsAnomalyKind>> problems = new ArrayList<>();
        // README:begin
        TsDemuxer demuxer = new TsDemuxer(new TsDemuxer.Listener() {
            @Override
            public Interest onPesStart(TsStream stream) {
                return Interest.WHOLE; // or FRAGMENTS: in-place slices, nothing copied; or IGNORE
            }

            @Override
            public void onPes(TsStream stream, ByteBuffer payload) {
                accessUnits.add(stream.type() + " pts=" + stream.pts() + " bytes=" + payload.remaining());
            }

            @Override
            public void onAnomaly(Anomaly<TsAnomalyKind> anomaly) {
                problems.add(anomaly); // lost sync, continuity gaps, CRC errors: demuxing goes on
            }
        });
        demuxer.feed(ts); // as the bytes arrive, in any chunks: the events are the same
        demuxer.endOfInput(); // ends the last video PES; a second call does nothing
        // README:end
        assertThat(accessUnits).hasSize(50 + 6); // 50 frames; ffmpeg packs the AAC frames into 6 PES
        assertThat(accessUnits.get(0)).isEqualTo("H264 pts=133200 bytes=3565"); // ffprobe: 133200, 3565 bytes, K
        assertThat(problems).isEmpty();
    }

    @Test
    void probes() {
        ByteBuffer m2ts = ByteBuffer.wrap(Fixtures.bytes("mpegts/h264-aac.m2ts")); // ffmpeg's M2TS mode: AAC as 0x06
        Map<Integer, StreamType> probed = new HashMap<>();
        // README:begin
        TsDemuxer demuxer = new TsDemuxer(new TsDemuxer.Listener() {
            @Override
            public Interest onPesStart(TsStream stream) {
                // a private stream (0x06) that no descriptor identifies: reassemble its first PES to probe it
                boolean unknown = stream.type() == StreamType.OTHER && stream.streamTypeCode() == 0x06;
                return unknown && !probed.containsKey(stream.pid()) ? Interest.WHOLE : Interest.IGNORE;
            }

            @Override
            public void onPes(TsStream stream, ByteBuffer payload) {
                probed.put(stream.pid(), StreamType.probe(payload)); // AAC_ADTS, AAC_LATM, AC3, EAC3 or OTHER
            }
        });
        demuxer.feed(m2ts);
        demuxer.endOfInput();
        // README:end
        assertThat(probed).containsExactly(Map.entry(0x1100, StreamType.AAC_ADTS)); // ffprobe: aac on 0x1100
    }

    @Test
    void frames() {
        ByteBuffer bytes = ByteBuffer.wrap(Fixtures.bytes("mpegts/h264-aac.m2ts"));
        int[] counts = new int[8192];
        // README:begin
        TsFramer framer = new TsFramer(packet -> counts[packet.pid()]++); // 188, 192 or 204 bytes, detected
        framer.feed(bytes);
        framer.endOfInput();
        // README:end
        assertThat(framer.packetSize()).isEqualTo(192);
        assertThat(framer.packetCount()).isEqualTo(98_304 / 192);
        assertThat(counts[0x1011]).isPositive(); // ffprobe: the video stream is on PID 0x1011
    }

    @Test
    void muxes() {
        ByteBuffer accessUnit = ByteBuffer.wrap(HexFormat.of().parseHex("0000000165888000"));
        long pts = 126_000;
        long dts = 126_000;
        boolean keyframe = true;
        // README:begin
        TsMuxer muxer = new TsMuxer(TsMuxerConfig.h264Aac()); // PMT 0x1000, video 0x100, audio 0x101
        ByteBuffer out = ByteBuffer.allocateDirect(muxer.maxEncodedSize(accessUnit.remaining()));
        muxer.startSegment(); // the next packets start with PAT and PMT: a new HLS segment
        muxer.writeVideo(accessUnit, pts, dts, keyframe, out); // AUD, PES, PCR, stuffing; no allocation
        // README:end
        assertThat(out.position()).isEqualTo(3 * 188);
    }

    @Test
    void readmeShowsThisExample() {
        ReadmeSnippets.assertInReadme(TsReadmeExampleTest.class);
    }
}

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
import io.streamwire.mpegts.psi.Pmt;
import io.streamwire.testkit.Fixtures;
import io.streamwire.testkit.ReadmeSnippets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
                long pts = stream.pts(); // TsStream.NO_TIMESTAMP (Long.MIN_VALUE) when the PES has no PTS
                String when = pts == TsStream.NO_TIMESTAMP ? "none" : String.valueOf(pts);
                accessUnits.add(stream.type() + " pts=" + when + " bytes=" + payload.remaining());
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
    void listsProgramsAndStreams() {
        ByteBuffer ts = ByteBuffer.wrap(Fixtures.bytes("mpegts/two-programs.ts"));
        // README:begin
        Map<Integer, String> streams = new TreeMap<>(); // PID -> what it carries
        Map<Integer, long[]> ptsRange = new TreeMap<>(); // PID -> {lowest, highest} PTS, 90 kHz
        TsDemuxer demuxer = new TsDemuxer(new TsDemuxer.Listener() {
            @Override
            public void onPmt(Pmt pmt) { // a new or changed PMT: one per program
                for (Pmt.Stream s : pmt.streams()) {
                    StreamType type = StreamType.of(s.streamType(), s.esInfo()); // descriptors decide 0x06, 0x15
                    streams.put(s.elementaryPid(), String.format("program %d %s (stream_type 0x%02x)",
                            pmt.programNumber(), type, s.streamType()));
                }
            }

            @Override
            public Interest onPesStart(TsStream stream) {
                long pts = stream.pts();
                if (pts != TsStream.NO_TIMESTAMP) { // a PES may have no PTS: never take Long.MIN_VALUE as a time
                    ptsRange.merge(stream.pid(), new long[] {pts, pts},
                            (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
                }
                return Interest.IGNORE; // tables and timestamps only: no payload is copied or handed out
            }
        });
        demuxer.feed(ts);
        demuxer.endOfInput();
        // README:end
        // ffprobe -show_programs: program_num and the stream ids of each program; -show_streams: codec_name
        Map<Integer, String> expected = new TreeMap<>();
        Map<Integer, long[]> expectedPts = new TreeMap<>();
        ffprobePrograms(expected, expectedPts);
        assertThat(streams).isEqualTo(expected);
        // ffprobe -show_packets: the lowest PTS of each stream; the highest for video, where one PES is one frame
        assertThat(ptsRange.keySet()).isEqualTo(expectedPts.keySet());
        expectedPts.forEach((pid, range) -> {
            assertThat(ptsRange.get(pid)[0]).as("lowest pts on pid %d", pid).isEqualTo(range[0]);
            if (streams.get(pid).contains("H264")) {
                assertThat(ptsRange.get(pid)[1]).as("highest pts on pid %d", pid).isEqualTo(range[1]);
            } else {
                assertThat(ptsRange.get(pid)[1]).isBetween(range[0], range[1]);
            }
        });
    }

    /** Reads ffprobe's committed views of two-programs.ts into "program N TYPE (stream_type 0xNN)" per PID. */
    private static void ffprobePrograms(Map<Integer, String> streams, Map<Integer, long[]> ptsRange) {
        Map<String, String> codecToType = Map.of("h264", "H264 (stream_type 0x1b)", "aac", "AAC_ADTS (stream_type 0x0f)");
        Map<Integer, String> codecByIndex = new HashMap<>();
        Map<Integer, Integer> pidByIndex = new HashMap<>();
        int index = -1;
        for (String line : Fixtures.lines("mpegts/two-programs.ts.streams.txt")) {
            if (line.startsWith("index=")) {
                index = Integer.parseInt(line.substring(6));
            } else if (line.startsWith("codec_name=")) {
                codecByIndex.put(index, line.substring(11));
            } else if (line.startsWith("id=0x")) {
                pidByIndex.put(index, Integer.parseInt(line.substring(5), 16));
            }
        }
        int program = -1;
        for (String line : Fixtures.lines("mpegts/two-programs.ts.programs.txt")) {
            if (line.startsWith("program_num=")) {
                program = Integer.parseInt(line.substring(12));
            } else if (line.startsWith("index=")) {
                int i = Integer.parseInt(line.substring(6));
                streams.put(pidByIndex.get(i), "program " + program + " " + codecToType.get(codecByIndex.get(i)));
            }
        }
        for (String line : Fixtures.lines("mpegts/two-programs.ts.packets.csv")) {
            String[] f = line.split(",");
            if (line.startsWith("#") || f.length < 2 || f[0].isEmpty()) {
                continue;
            }
            long pts = Long.parseLong(f[1]);
            ptsRange.merge(pidByIndex.get(Integer.parseInt(f[0])), new long[] {pts, pts},
                    (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
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

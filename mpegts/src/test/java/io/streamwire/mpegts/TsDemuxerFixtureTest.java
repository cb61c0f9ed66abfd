package io.streamwire.mpegts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamwire.testkit.Chunks;
import io.streamwire.testkit.Fixtures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Demuxes ffmpeg-made TS fixtures and compares, stream by stream and packet by packet, with ffprobe's
 * committed {@code -show_packets} and {@code -show_streams} views.
 */
class TsDemuxerFixtureTest {

    /** ffprobe's streams as index → {PID, codec_name}. */
    static Map<Integer, String[]> ffprobeStreams(List<String> lines) {
        Map<Integer, String[]> streams = new HashMap<>();
        int index = -1;
        String codec = null;
        for (String line : lines) {
            if (line.startsWith("index=")) {
                index = Integer.parseInt(line.substring(6));
            } else if (line.startsWith("codec_name=")) {
                codec = line.substring(11);
            } else if (line.startsWith("id=0x")) {
                streams.put(index, new String[] {String.valueOf(Integer.parseInt(line.substring(5), 16)), codec});
            }
        }
        return streams;
    }

    /** ffprobe packet rows as {pid, pts, dts, size, pos (-1 for N/A), key}. */
    static List<long[]> ffprobePackets(List<String> csv, Map<Integer, String[]> streams) {
        List<long[]> rows = new ArrayList<>();
        for (String line : csv) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",");
            int pid = Integer.parseInt(streams.get(Integer.parseInt(f[0]))[0]);
            rows.add(new long[] {pid, Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[4]),
                    f[5].equals("N/A") ? -1 : Long.parseLong(f[5]), f[6].startsWith("K") ? 1 : 0});
        }
        return rows;
    }

    /** Our rows in ffprobe's order (ffprobe orders by position of completion; compare per PID instead). */
    static void assertSameAsFfprobe(String name, DemuxProbe probe, int posShift) {
        boolean m2ts = name.endsWith(".m2ts");
        Map<Integer, String[]> streams = ffprobeStreams(Fixtures.lines("mpegts/" + name + ".streams.txt"));
        List<long[]> theirs = ffprobePackets(Fixtures.lines("mpegts/" + name + ".packets.csv"), streams);
        assertThat(probe.anomalies).as("anomalies").isEmpty();
        // stream types and PIDs
        for (String[] s : streams.values()) {
            int pid = Integer.parseInt(s[0]);
            List<Integer> expectedTypes = switch (s[1]) {
                case "h264" -> List.of(0x1B);
                case "hevc" -> List.of(0x24);
                case "aac" -> m2ts ? List.of(0x06) : List.of(0x0F); // ffmpeg's M2TS mode writes AAC as private data
                default -> List.of();
            };
            assertThat(probe.streamTypes.get(pid)).as("stream_type of PID %d", pid).isIn(expectedTypes);
        }
        assertThat(probe.streamTypes).hasSameSizeAs(streams);
        long theirBase = theirs.get(0)[2];
        long ourBase = probe.rows.stream().filter(r -> r.pid() == theirs.get(0)[0]).findFirst().orElseThrow().dts();
        for (String[] s : streams.values()) {
            int pid = Integer.parseInt(s[0]);
            List<long[]> t = theirs.stream().filter(r -> r[0] == pid).toList();
            List<DemuxProbe.Row> o = probe.rows.stream().filter(r -> r.pid() == pid).toList();
            assertThat(o).as("packets on PID %d", pid).hasSameSizeAs(t);
            for (int i = 0; i < t.size(); i++) {
                long[] e = t.get(i);
                DemuxProbe.Row r = o.get(i);
                String what = "PID " + pid + " packet " + i;
                if (r.pos() >= 0) {
                    // a timestamp coded in the PES header: exact
                    assertThat(r.pts() - ourBase).as(what + " pts").isEqualTo(e[1] - theirBase);
                    assertThat(r.dts() - ourBase).as(what + " dts").isEqualTo(e[2] - theirBase);
                } else {
                    // the 2nd, 3rd... AAC frame of a PES has no coded PTS; ffmpeg's parser interpolates it with
                    // its own rounding (2089 or 2090 ticks at 44.1 kHz), so allow one tick
                    assertThat(r.pts() - ourBase).as(what + " interpolated pts").isCloseTo(e[1] - theirBase, within(1L));
                }
                if (s[1].equals("hevc") && (i == 0 || i == t.size() - 1)) {
                    // ffmpeg 5.1's HEVC parser cuts access units at 00 00 01 and leaves the zero_byte of the next
                    // unit's 4-byte start code at the end of the previous packet: every boundary moves by one byte,
                    // so the first packet is one byte longer than its PES payload, the last one byte shorter, and
                    // all the others are equal
                    assertThat(e[3] - r.size()).as(what + " size").isEqualTo(i == 0 ? 1L : -1L);
                } else {
                    assertThat((long) r.size()).as(what + " size").isEqualTo(e[3]);
                }
                if (e[4] >= 0) {
                    assertThat(r.pos() + posShift).as(what + " pos").isEqualTo(e[4]);
                }
                assertThat(r.key() ? 1L : 0L).as(what + " key").isEqualTo(e[5]);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h264-aac.ts", "hevc-aac.ts", "wrap.ts", "two-programs.ts", "resend-headers.ts"})
    void packetsMatchFfprobeReassembledAndAsFragments(String name) {
        byte[] ts = Fixtures.bytes("mpegts/" + name);
        assertSameAsFfprobe(name, DemuxProbe.run(List.of(ts), false), 0);
        assertSameAsFfprobe(name, DemuxProbe.run(List.of(ts), true), 0);
        // however the input is chunked
        assertSameAsFfprobe(name, DemuxProbe.run(Chunks.random(ts, new Random(name.hashCode())), true), 0);
        assertSameAsFfprobe(name, DemuxProbe.run(Chunks.fixed(ts, 1000), false), 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h264-aac.m2ts"})
    void m2tsPacketsMatchFfprobe(String name) {
        byte[] ts = Fixtures.bytes("mpegts/" + name);
        DemuxProbe probe = DemuxProbe.run(Chunks.fixed(ts, 777), true);
        assertSameAsFfprobe(name, probe, -4);
    }
}

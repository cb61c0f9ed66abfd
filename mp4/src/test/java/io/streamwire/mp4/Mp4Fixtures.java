package io.streamwire.mp4;

import io.streamwire.core.StreamwireException;
import io.streamwire.testkit.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The committed ISO BMFF fixtures (scripts/fixtures/mp4.sh) and ffprobe's views of them. */
final class Mp4Fixtures {
    private Mp4Fixtures() {}

    /** Every committed ISO BMFF file, as a path below fixtures/. */
    static final List<String> FILES = List.of("mp4/avc-aac.mp4", "mp4/avc-aac-faststart.mp4", "mp4/avc-aac-frag.mp4",
            "mp4/hevc.mp4", "mp4/av1-opus.mp4", "mp4/av1-opus-frag.mp4", "mp4/hls/init.mp4", "mp4/hls/seg0.m4s", "mp4/hls/seg1.m4s",
            "mp4/dash/init-0.mp4", "mp4/dash/init-1.mp4", "mp4/dash/chunk-0-001.m4s", "mp4/dash/chunk-0-002.m4s",
            "mp4/dash/chunk-1-001.m4s", "mp4/dash/chunk-1-002.m4s", "mp4/dash/chunk-1-003.m4s");

    static byte[] bytes(String relative) {
        return Fixtures.bytes(relative);
    }

    /** One ffprobe packet line: stream_index,pts,dts,duration,size,pos,flags. */
    record Packet(int streamIndex, long pts, long dts, long duration, int size, long pos, boolean key) {}

    /** ffprobe's packets of a fixture ({@code <file>.packets.csv}), in file order. */
    static List<Packet> packets(String relative) {
        return parsePackets(Fixtures.lines(relative + ".packets.csv"));
    }

    /** Packets from csv lines (stream_index,pts,dts,duration,size,pos,flags). */
    static List<Packet> parsePackets(List<String> lines) {
        List<Packet> out = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", -1);
            out.add(new Packet(Integer.parseInt(f[0]), parse(f[1]), parse(f[2]), parse(f[3]), Integer.parseInt(f[4]),
                    parse(f[5]), f[6].startsWith("K")));
        }
        return out;
    }

    private static long parse(String s) {
        return s.isEmpty() || s.equals("N/A") ? Long.MIN_VALUE : Long.parseLong(s);
    }

    /** ffprobe's stream fields ({@code <file>.streams.txt}) by stream index. */
    static Map<Integer, Map<String, String>> streams(String relative) {
        Map<Integer, Map<String, String>> out = new TreeMap<>();
        Map<String, String> current = null;
        for (String line : Fixtures.lines(relative + ".streams.txt")) {
            if (line.equals("[STREAM]")) {
                current = new TreeMap<>();
            } else if (line.equals("[/STREAM]")) {
                out.put(Integer.parseInt(current.get("index")), current);
            } else if (current != null && line.contains("=")) {
                current.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return out;
    }

    /** Returns normally for a StreamwireException of module mp4; otherwise throws an AssertionError. */
    static void requireMp4(StreamwireException e) {
        if (!"mp4".equals(e.module())) {
            throw new AssertionError("a StreamwireException of module " + e.module() + " escaped", e);
        }
    }
}

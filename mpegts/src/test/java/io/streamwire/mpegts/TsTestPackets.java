package io.streamwire.mpegts;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Builds transport packets for tests. */
public final class TsTestPackets {
    private TsTestPackets() {}

    /** One 188-byte packet; payload is padded with 0xFF, or shortened by adaptation-field stuffing when af is given. */
    public static byte[] packet(int pid, boolean pusi, int cc, AdaptationField af, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(188);
        int afc = (af != null ? 2 : 0) | (payload != null ? 1 : 0);
        new TsPacketHeader(false, pusi, false, pid, 0, afc, cc).writeTo(b);
        if (af != null) {
            af.writeTo(b);
        }
        if (payload != null) {
            b.put(payload, 0, Math.min(payload.length, b.remaining()));
        }
        while (b.hasRemaining()) {
            b.put((byte) 0xFF);
        }
        return b.array();
    }

    /** Packetizes a byte sequence (PSI sections with pointer_field 0, or a PES) on a PID, stuffing the last packet. */
    public static List<byte[]> packetize(int pid, byte[] unit, boolean psi, int[] cc) {
        List<byte[]> packets = new ArrayList<>();
        byte[] data = unit;
        if (psi) {
            data = new byte[unit.length + 1];
            System.arraycopy(unit, 0, data, 1, unit.length);
        }
        int at = 0;
        boolean first = true;
        while (at < data.length) {
            int room = 184;
            int left = data.length - at;
            ByteBuffer b = ByteBuffer.allocate(188);
            if (left >= room || psi) {
                new TsPacketHeader(false, first, false, pid, 0, 1, cc[0]++ & 15).writeTo(b);
                int n = Math.min(room, left);
                b.put(data, at, n);
                at += n;
                while (b.hasRemaining()) {
                    b.put((byte) 0xFF);
                }
            } else {
                new TsPacketHeader(false, first, false, pid, 0, 3, cc[0]++ & 15).writeTo(b);
                int stuffing = room - left - 1;
                if (stuffing == 0) {
                    b.put((byte) 0);
                } else {
                    new AdaptationField(false, false, false, -1, 0, -1, 0, null, null, null, stuffing - 1).writeTo(b);
                }
                b.put(data, at, left);
                at += left;
            }
            packets.add(b.array());
            first = false;
        }
        return packets;
    }

    /** Concatenates packets, each prefixed with {@code prefix} bytes (M2TS) and followed by {@code suffix} (RS). */
    public static byte[] join(List<byte[]> packets, int prefix, int suffix) {
        ByteBuffer out = ByteBuffer.allocate(packets.size() * (188 + prefix + suffix));
        int n = 0;
        for (byte[] p : packets) {
            if (prefix == 4) {
                out.putInt(0x40000000 | n * 1000);
            }
            out.put(p);
            for (int i = 0; i < suffix; i++) {
                out.put((byte) 0x55);
            }
            n++;
        }
        return out.array();
    }
}

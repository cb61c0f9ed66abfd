package io.streamwire.rtmp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Test-only FLV tag walker (Adobe FLV v10.1 §E.4): enough to compare what RTMP carried with the file. */
final class FlvFile {
    record Tag(int type, long timestamp, byte[] body) {}

    private FlvFile() {}

    static List<Tag> tags(byte[] file) {
        ByteBuffer in = ByteBuffer.wrap(file);
        int dataOffset = in.getInt(5);
        in.position(dataOffset + 4); // PreviousTagSize0
        List<Tag> tags = new ArrayList<>();
        while (in.remaining() >= 11) {
            int type = in.get() & 0x1F;
            int size = (in.get() & 0xFF) << 16 | (in.get() & 0xFF) << 8 | in.get() & 0xFF;
            long ts = (in.get() & 0xFFL) << 16 | (in.get() & 0xFFL) << 8 | in.get() & 0xFFL;
            ts |= (in.get() & 0xFFL) << 24;
            in.position(in.position() + 3);
            byte[] body = new byte[size];
            in.get(body);
            in.position(in.position() + 4);
            tags.add(new Tag(type, ts, body));
        }
        return tags;
    }

    /** Writes an FLV file of these tags (audio + video flags set). */
    static byte[] write(List<Tag> tags) {
        int total = 13;
        for (Tag t : tags) {
            total += 15 + t.body().length;
        }
        ByteBuffer out = ByteBuffer.allocate(total);
        out.put(new byte[] {'F', 'L', 'V', 1, 5, 0, 0, 0, 9, 0, 0, 0, 0});
        for (Tag t : tags) {
            int n = t.body().length;
            out.put((byte) t.type()).put((byte) (n >>> 16)).put((byte) (n >>> 8)).put((byte) n);
            out.put((byte) (t.timestamp() >>> 16)).put((byte) (t.timestamp() >>> 8)).put((byte) t.timestamp())
                    .put((byte) (t.timestamp() >>> 24));
            out.put(new byte[3]).put(t.body()).putInt(n + 11);
        }
        return out.array();
    }
}

package io.streamwire.mpegts;

/** Repeats a 188-byte TS, rewriting continuity counters so the copies join without a gap. */
public final class TsLoop {
    private TsLoop() {}

    /** {@code times} copies of {@code ts}; with 16 copies the result also loops onto itself seamlessly. */
    public static byte[] repeat(byte[] ts, int times) {
        byte[] out = new byte[ts.length * times];
        int[] cc = new int[8192];
        for (int c = 0; c < times; c++) {
            System.arraycopy(ts, 0, out, c * ts.length, ts.length);
        }
        for (int p = 0; p + 188 <= out.length; p += 188) {
            int pid = ((out[p + 1] & 0x1F) << 8) | (out[p + 2] & 0xFF);
            if ((out[p + 3] & 0x10) != 0) {
                out[p + 3] = (byte) ((out[p + 3] & 0xF0) | cc[pid]);
                cc[pid] = (cc[pid] + 1) & 15;
            }
        }
        return out;
    }
}

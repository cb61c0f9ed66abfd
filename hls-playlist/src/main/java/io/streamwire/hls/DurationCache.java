package io.streamwire.hls;

/**
 * The EXTINF durations a parse saw last (most playlists use one or two): the text, its value in
 * microseconds and an untitled {@link Extinf} are made once per distinct duration and shared by
 * every line that repeats it (strings and records are immutable, so sharing cannot be observed
 * except by identity). Keys are the duration's bytes packed into two longs, plus its length.
 *
 * <p>Not thread-safe; one per parse.
 */
final class DurationCache {
    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private final long[] keys = new long[8];
    private final String[] texts = new String[4];
    private final long[] micros = new long[4];
    private final Extinf[] untitled = new Extinf[4];
    private int next;
    private int last;

    /**
     * The duration text of {@code b[from, to)} (1..16 ASCII decimal bytes): the same string as the
     * last time these bytes were seen, if among the last four.
     */
    String text(byte[] b, int from, int to) {
        // the bytes packed by position into two longs; with the length, equal keys mean equal text
        int n = to - from;
        long k0;
        long k1 = 0;
        if (from + 16 <= b.length) {
            long w0 = (long) LONGS.get(b, from);
            long w1 = (long) LONGS.get(b, from + 8);
            k0 = n >= 8 ? w0 : w0 & ((1L << (n << 3)) - 1);
            k1 = n <= 8 ? 0 : n == 16 ? w1 : w1 & ((1L << ((n - 8) << 3)) - 1);
        } else {
            k0 = 0;
            for (int i = from; i < to; i++) {
                int at = i - from;
                if (at < 8) {
                    k0 |= (b[i] & 0xFFL) << (at << 3);
                } else {
                    k1 |= (b[i] & 0xFFL) << ((at - 8) << 3);
                }
            }
        }
        for (int j = 0; j < texts.length; j++) {
            if (texts[j] != null && keys[2 * j] == k0 && keys[2 * j + 1] == k1
                    && texts[j].length() == to - from) {
                last = j;
                return texts[j];
            }
        }
        String s = new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
        int j = next;
        next = (j + 1) & (texts.length - 1);
        keys[2 * j] = k0;
        keys[2 * j + 1] = k1;
        texts[j] = s;
        micros[j] = Decimals.parseMicros(s);
        untitled[j] = null;
        last = j;
        return s;
    }

    /** The microseconds of the duration {@link #text} returned last. */
    long micros() {
        return micros[last];
    }

    /** An EXTINF with the duration {@link #text} returned last and no title; one instance per duration. */
    Extinf untitled() {
        Extinf e = untitled[last];
        if (e == null) {
            e = new Extinf(texts[last], "");
            untitled[last] = e;
        }
        return e;
    }
}

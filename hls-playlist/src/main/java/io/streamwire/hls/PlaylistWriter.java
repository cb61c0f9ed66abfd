package io.streamwire.hls;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes playlists in canonical form: UTF-8 without byte order mark, {@code \n} after every line,
 * blank lines left out, each tag as {@code #NAME} or {@code #NAME:value}, EXTINF as
 * {@code #EXTINF:<duration>,<title>}, attribute lists as {@code NAME=VALUE} joined by commas with
 * quoted-strings in double quotes (so the BYTERANGE of EXT-X-PART and EXT-X-MAP stays quoted),
 * numbers as given or, when built from a {@code double}, in the shortest decimal that reads back
 * the same. Writing what the parser read from a canonical playlist gives the same bytes; any other
 * playlist comes back semantically identical.
 *
 * <p>{@link #minimumVersion(Playlist)} computes the lowest EXT-X-VERSION the features need (§8) and
 * {@link #withMinimumVersion(Playlist)} sets it.
 *
 * <p>Thread-safe (stateless).
 *
 * @since 0.1.0
 */
public final class PlaylistWriter {
    private PlaylistWriter() {}

    /** The canonical text. */
    public static String write(Playlist playlist) {
        StringBuilder out = new StringBuilder(estimate(playlist));
        writeTo(playlist, out);
        return out.toString();
    }

    /** Appends the canonical text to {@code out}. */
    public static void writeTo(Playlist playlist, StringBuilder out) {
        List<PlaylistLine> lines = playlist.lines();
        for (int i = 0, n = lines.size(); i < n; i++) {
            PlaylistLine line = lines.get(i);
            // the two lines of every segment first: keeps the hot loop off the megamorphic appendTo call
            if (line instanceof Uri u) {
                out.append(u.value());
            } else if (line instanceof Extinf e) {
                out.append("#EXTINF:").append(e.duration()).append(',').append(e.title());
            } else {
                line.appendTo(out);
            }
            out.append('\n');
        }
    }

    /**
     * The canonical text as UTF-8 bytes: the same bytes as {@code write(playlist).getBytes(UTF_8)}
     * (an unpaired surrogate becomes {@code ?}).
     *
     * @implNote No intermediate text: the lines are copied as chars into a small reused buffer that
     *     the JDK's UTF-8 encoder turns into the output, sized first from the line lengths (exact for
     *     ASCII, so no trimming copy). Lines other than URI and EXTINF lines are rendered once, by
     *     their {@code appendTo}, in the sizing pass.
     */
    public static byte[] toBytes(Playlist playlist) {
        List<PlaylistLine> lines = playlist.lines();
        int n = lines.size();
        // sizing pass: chars per line; the other lines rendered one after another into `others`
        StringBuilder others = null;
        int[] otherEnds = null;
        int otherCount = 0;
        long chars = 0;
        for (int i = 0; i < n; i++) {
            PlaylistLine line = lines.get(i);
            if (line instanceof Uri u) {
                chars += u.value().length() + 1;
            } else if (line instanceof Extinf e) {
                chars += EXTINF.length + e.duration().length() + 1 + e.title().length() + 1;
            } else {
                if (others == null) {
                    others = new StringBuilder(256);
                    otherEnds = new int[16];
                } else if (otherCount == otherEnds.length) {
                    otherEnds = java.util.Arrays.copyOf(otherEnds, otherCount * 2);
                }
                int before = others.length();
                line.appendTo(others);
                otherEnds[otherCount++] = others.length();
                chars += others.length() - before + 1;
            }
        }
        Utf8Out out = new Utf8Out((int) Math.min(Integer.MAX_VALUE - 16, chars));
        int other = 0;
        for (int i = 0; i < n; i++) {
            PlaylistLine line = lines.get(i);
            if (line instanceof Uri u) {
                out.append(u.value());
            } else if (line instanceof Extinf e) {
                out.append(EXTINF);
                out.append(e.duration());
                out.append(',');
                out.append(e.title());
            } else {
                out.append(others, other == 0 ? 0 : otherEnds[other - 1], otherEnds[other]);
                other++;
            }
            out.append('\n');
        }
        return out.finish();
    }

    private static final char[] EXTINF = "#EXTINF:".toCharArray();

    /** Chars gathered in a small buffer, encoded to UTF-8 a batch of whole lines at a time. Not thread-safe. */
    private static final class Utf8Out {
        private static final int BATCH = 8192;
        private final java.nio.charset.CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE);
        private char[] chars;
        private int length;
        private java.nio.ByteBuffer bytes;

        /** {@code capacity}: the expected output size (chars of the text). */
        Utf8Out(int capacity) {
            bytes = java.nio.ByteBuffer.wrap(new byte[capacity]);
            chars = new char[Math.min(BATCH, capacity + 16)];
        }

        private void room(int more) {
            if (length + more > chars.length) { // a long line: the batch grows to hold it whole
                chars = java.util.Arrays.copyOf(chars, (int) Math.min(Integer.MAX_VALUE - 16, (long) length + more + BATCH));
            }
        }

        void append(String s) {
            int n = s.length();
            room(n);
            s.getChars(0, n, chars, length);
            length += n;
        }

        void append(char[] s) {
            room(s.length);
            System.arraycopy(s, 0, chars, length, s.length);
            length += s.length;
        }

        void append(StringBuilder s, int from, int to) {
            room(to - from);
            s.getChars(from, to, chars, length);
            length += to - from;
        }

        /** Ends a line: encodes the batch when it is nearly full (lines are never split). */
        void append(char c) {
            room(1);
            chars[length++] = c;
            if (c == '\n' && length > BATCH - 1024) {
                encode();
            }
        }

        private void encode() {
            java.nio.CharBuffer in = java.nio.CharBuffer.wrap(chars, 0, length);
            encoder.reset();
            while (true) {
                java.nio.charset.CoderResult r = encoder.encode(in, bytes, true);
                if (r.isUnderflow()) {
                    r = encoder.flush(bytes);
                }
                if (r.isUnderflow()) {
                    break;
                }
                if (!r.isOverflow()) {
                    throw new IllegalStateException(r.toString()); // malformed input is replaced
                }
                long grown = Math.max(bytes.capacity() + (long) in.remaining() * 3, bytes.capacity() * 3L / 2 + 16);
                java.nio.ByteBuffer bigger = java.nio.ByteBuffer.wrap(java.util.Arrays.copyOf(bytes.array(),
                        (int) Math.min(Integer.MAX_VALUE - 16, grown)));
                bigger.position(bytes.position());
                bytes = bigger;
            }
            length = 0;
        }

        byte[] finish() {
            encode();
            byte[] out = bytes.array();
            return bytes.position() == out.length ? out : java.util.Arrays.copyOf(out, bytes.position());
        }
    }

    private static int estimate(Playlist playlist) {
        return (int) Math.min(Integer.MAX_VALUE - 16, 64L + 96L * playlist.lines().size());
    }

    /** The lowest EXT-X-VERSION the playlist's features need, RFC 8216bis §8. */
    public static int minimumVersion(Playlist playlist) {
        return Versions.minimumVersion(playlist);
    }

    /**
     * The playlist with EXT-X-VERSION set to {@link #minimumVersion}: the tag is replaced in place,
     * or inserted after EXTM3U; for version 1 an absent tag stays absent.
     */
    public static Playlist withMinimumVersion(Playlist playlist) {
        int v = minimumVersion(playlist);
        List<PlaylistLine> lines = new ArrayList<>(playlist.lines());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) instanceof IntegerTag t && t.tagName() == TagName.EXT_X_VERSION) {
                lines.set(i, IntegerTag.version(v));
                return Playlist.of(lines);
            }
        }
        if (v > 1) {
            int at = !lines.isEmpty() && MarkerTag.EXTM3U.equals(lines.get(0)) ? 1 : 0;
            lines.add(at, IntegerTag.version(v));
        }
        return Playlist.of(lines);
    }
}

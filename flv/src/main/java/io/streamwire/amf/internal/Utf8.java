package io.streamwire.amf.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 helpers that write into and compare against buffers without allocating. Lone surrogates are
 * written as {@code '?'}, as {@link String#getBytes} does.
 *
 * <p>Thread-safe (stateless).
 */
public final class Utf8 {
    private Utf8() {}

    /** Bytes of {@code s} in UTF-8. */
    public static int encodedLength(CharSequence s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                continue;
            } else if (c < 0x800) {
                bytes += 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 2; // 4 bytes for 2 chars
                i++;
            } else if (Character.isSurrogate(c)) {
                continue; // '?'
            } else {
                bytes += 2;
            }
        }
        return bytes;
    }

    /** Writes {@code s} in UTF-8 at the buffer's position and moves it. */
    public static void encode(CharSequence s, ByteBuffer out) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out.put((byte) c);
            } else if (c < 0x800) {
                out.put((byte) (0xC0 | c >> 6)).put((byte) (0x80 | c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out.put((byte) (0xF0 | cp >> 18)).put((byte) (0x80 | cp >> 12 & 0x3F))
                        .put((byte) (0x80 | cp >> 6 & 0x3F)).put((byte) (0x80 | cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                out.put((byte) '?');
            } else {
                out.put((byte) (0xE0 | c >> 12)).put((byte) (0x80 | c >> 6 & 0x3F)).put((byte) (0x80 | c & 0x3F));
            }
        }
    }

    /** Decodes {@code length} bytes at absolute {@code index}; malformed input becomes U+FFFD. */
    public static String decode(ByteBuffer in, int index, int length) {
        if (length == 0) {
            return "";
        }
        if (in.hasArray()) {
            return new String(in.array(), in.arrayOffset() + index, length, StandardCharsets.UTF_8);
        }
        byte[] bytes = new byte[length];
        in.get(index, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Decodes {@code length} bytes of {@code a} at {@code index}: ASCII as Latin-1 (a plain copy), else UTF-8 with U+FFFD. */
    public static String decode(byte[] a, int index, int length) {
        int to = index + length;
        for (int i = index; i < to; i++) {
            if (a[i] < 0) {
                return new String(a, index, length, StandardCharsets.UTF_8);
            }
        }
        return new String(a, index, length, StandardCharsets.ISO_8859_1);
    }

    /** As {@link #equals(ByteBuffer, int, int, CharSequence)} over {@code length} bytes of {@code a} at {@code index}. */
    public static boolean equals(byte[] a, int index, int length, CharSequence s) {
        int n = s.length();
        if (n > length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return new String(a, index, length, StandardCharsets.UTF_8).contentEquals(s);
            }
            if (a[index + i] != (byte) c) {
                return false;
            }
        }
        return n == length;
    }

    /** Whether the {@code length} bytes at absolute {@code index} are {@code s} in UTF-8; ASCII allocates nothing. */
    public static boolean equals(ByteBuffer in, int index, int length, CharSequence s) {
        int n = s.length();
        if (n > length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return decode(in, index, length).contentEquals(s);
            }
            if (i >= length || in.get(index + i) != (byte) c) {
                return false;
            }
        }
        return n == length;
    }
}

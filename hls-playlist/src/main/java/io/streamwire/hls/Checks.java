package io.streamwire.hls;

import java.util.Objects;

/** Argument checks shared by the records. Immutable and thread-safe. */
final class Checks {
    private Checks() {}

    static String noLineBreak(String s, String what) {
        Objects.requireNonNull(s, what);
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(what + " contains a line break");
        }
        return s;
    }

    static void nonNegative(long v, String what) {
        if (v < 0) {
            throw new IllegalArgumentException(what + " " + v + " is negative");
        }
    }
}

package io.streamwire.hls;

/**
 * A blocking playlist reload request, RFC 8216bis §6.2.5.2: the delivery directives
 * {@code _HLS_msn}, {@code _HLS_part} and {@code _HLS_skip} of the playlist URL's query.
 *
 * <p>Immutable and thread-safe.
 *
 * @param msn _HLS_msn, or -1 when absent
 * @param part _HLS_part, or -1 when absent
 * @param skip _HLS_skip
 * @since 0.1.0
 */
public record BlockingReload(long msn, long part, Skip skip) {
    /** _HLS_skip: NO (absent), YES (skip segments), v2 (skip segments and date ranges). */
    public enum Skip { NO, YES, V2 }

    /** What to do with a request. */
    public enum Status {
        /** Send {@link Answer#playlist()} now. */
        READY,
        /** Hold the request until the playlist changes, then ask again. */
        WAIT,
        /** Respond 400: the request can never be satisfied (§6.2.5.2). */
        BAD_REQUEST
    }

    /**
     * The answer to a request.
     *
     * @param status ready, wait or bad request
     * @param playlist the playlist to send when ready, else null
     */
    public record Answer(Status status, MediaPlaylist playlist) {}

    public BlockingReload {
        if (part >= 0 && msn < 0) {
            throw new IllegalArgumentException("_HLS_part without _HLS_msn");
        }
        java.util.Objects.requireNonNull(skip, "skip");
    }

    /**
     * Reads the directives from a URL or its query ({@code _HLS_msn=10&_HLS_part=2&_HLS_skip=YES}).
     * Other query parameters are ignored.
     *
     * @throws PlaylistException for a malformed or out-of-range value, or {@code _HLS_part} without
     *     {@code _HLS_msn}; its field is the directive and its offset the index of the directive's
     *     first character in {@code urlOrQuery}
     */
    public static BlockingReload parse(String urlOrQuery) {
        int q = urlOrQuery.indexOf('?');
        int from = q >= 0 ? q + 1 : 0;
        long msn = -1;
        long part = -1;
        int partAt = -1;
        Skip skip = Skip.NO;
        while (from <= urlOrQuery.length()) {
            int amp = urlOrQuery.indexOf('&', from);
            int to = amp < 0 ? urlOrQuery.length() : amp;
            int eq = urlOrQuery.indexOf('=', from);
            if (eq >= 0 && eq < to) {
                String k = urlOrQuery.substring(from, eq);
                String v = urlOrQuery.substring(eq + 1, to);
                switch (k) {
                    case "_HLS_msn":
                        msn = number(k, v, from);
                        break;
                    case "_HLS_part":
                        part = number(k, v, from);
                        partAt = from;
                        break;
                    case "_HLS_skip":
                        if (v.equals("YES")) {
                            skip = Skip.YES;
                        } else if (v.equals("v2")) {
                            skip = Skip.V2;
                        } else {
                            throw new PlaylistException(k, "\"" + v + "\" is not YES or v2", from, SPEC);
                        }
                        break;
                    default:
                        break;
                }
            }
            from = to + 1;
        }
        if (part >= 0 && msn < 0) {
            throw new PlaylistException("_HLS_part", "without _HLS_msn", partAt, SPEC);
        }
        return new BlockingReload(msn, part, skip);
    }

    private static final String SPEC = "RFC 8216bis §6.2.5.2";

    private static long number(String k, String v, int at) {
        if (!AttributeType.isDecimalInteger(v, 0, v.length())) {
            throw new PlaylistException(k, "\"" + v + "\" is not a decimal-integer", at, SPEC);
        }
        // a decimal-integer is 0..2^64-1 (§4.2); a sequence number this library can serve fits a long
        int digits = v.length();
        int i = 0;
        while (i < digits - 1 && v.charAt(i) == '0') {
            i++;
        }
        if (digits - i > 18) {
            throw new PlaylistException(k, v + " out of range (expected: 0..999999999999999999)", at, SPEC);
        }
        return Long.parseLong(v, i, digits, 10);
    }
}

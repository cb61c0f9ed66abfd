package io.streamwire.hls;

/**
 * A blocking playlist reload request, RFC 8216bis §6.2.5.2: the delivery directives
 * {@code _HLS_msn}, {@code _HLS_part} and {@code _HLS_skip} of the playlist URL's query.
 *
 * @param msn _HLS_msn, or -1 when absent
 * @param part _HLS_part, or -1 when absent
 * @param skip _HLS_skip
 *
 * <p>Immutable and thread-safe.
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
     *
     * @throws IllegalArgumentException for a malformed value or _HLS_part without _HLS_msn
     */
    public static BlockingReload parse(String urlOrQuery) {
        String query = urlOrQuery.indexOf('?') >= 0 ? urlOrQuery.substring(urlOrQuery.indexOf('?') + 1) : urlOrQuery;
        long msn = -1;
        long part = -1;
        Skip skip = Skip.NO;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String k = pair.substring(0, eq);
            String v = pair.substring(eq + 1);
            switch (k) {
                case "_HLS_msn":
                    msn = number(k, v);
                    break;
                case "_HLS_part":
                    part = number(k, v);
                    break;
                case "_HLS_skip":
                    if (v.equals("YES")) {
                        skip = Skip.YES;
                    } else if (v.equals("v2")) {
                        skip = Skip.V2;
                    } else {
                        throw new IllegalArgumentException("_HLS_skip=" + v + " is not YES or v2");
                    }
                    break;
                default:
                    break;
            }
        }
        return new BlockingReload(msn, part, skip);
    }

    private static long number(String k, String v) {
        if (!AttributeType.isDecimalInteger(v, 0, v.length()) || v.length() > 18) {
            throw new IllegalArgumentException(k + "=" + v + " is not a decimal-integer");
        }
        return Long.parseLong(v);
    }
}

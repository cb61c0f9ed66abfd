package io.streamwire.examples.origin;

import java.util.Map;
import java.util.Objects;

/**
 * Optional signed playback: a player's URL carries {@code ?exp=<unix seconds>&sig=<hex
 * HMAC-SHA256(secret, "play:" + name + ":" + exp)>} (HMAC: RFC 2104), valid up to and including second
 * {@code exp}. The {@code "play:"} prefix keeps a playback token from ever passing as a publish token
 * ({@link PublishAuth} signs {@code name + ":" + exp}) and the reverse.
 *
 * <p>{@link #withQuery} carries the client's query into a playlist so that the segments, parts, init
 * sections and rendition reports it lists are fetched with the same token.
 *
 * <p>Thread-safe (immutable).
 */
final class PlaybackTokens {
    private static final String PREFIX = "play:";

    private final byte[] secret;

    private PlaybackTokens(byte[] secret) {
        this.secret = secret;
    }

    /**
     * Tokens signed with {@code secret}.
     *
     * @throws IllegalArgumentException if the secret is empty
     */
    static PlaybackTokens of(byte[] secret) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("empty playback secret");
        }
        return new PlaybackTokens(secret.clone());
    }

    /** Whether {@code rawQuery} (without '?', may be null) holds a valid, unexpired token for {@code name}. */
    boolean verify(String name, String rawQuery, long nowEpochSeconds) {
        return check(name, rawQuery, nowEpochSeconds).ok();
    }

    /** {@link #verify} with the reason (for the log; it never contains the secret or the signature). */
    SignedQuery.Check check(String name, String rawQuery, long nowEpochSeconds) {
        Objects.requireNonNull(name, "name");
        return SignedQuery.verify(secret, PREFIX + name + ":", rawQuery, nowEpochSeconds);
    }

    /** The query ({@code exp=..&sig=..}, no '?') that plays {@code name} until {@code expEpochSeconds}. */
    String query(String name, long expEpochSeconds) {
        if (expEpochSeconds < 0) {
            throw new IllegalArgumentException("exp < 0");
        }
        return "exp=" + expEpochSeconds + "&sig=" + SignedQuery.sign(secret, PREFIX + name + ":" + expEpochSeconds);
    }

    /**
     * Appends {@code rawQuery} to every relative URI of an HLS playlist: URI lines (media segments,
     * variant streams) and the {@code URI="..."} attributes of EXT-X-PART, EXT-X-PRELOAD-HINT,
     * EXT-X-MAP, EXT-X-RENDITION-REPORT, EXT-X-MEDIA and EXT-X-I-FRAME-STREAM-INF (RFC 8216bis §4.4).
     * A URI that already has a query gets {@code &rawQuery}; others get {@code ?rawQuery}. Everything else
     * is copied unchanged, line endings included.
     *
     * @implNote Left alone: absolute URIs ({@code scheme:} or {@code //host}, so a token never travels to
     *     another host), EXT-X-KEY, EXT-X-SESSION-KEY, EXT-X-SESSION-DATA and EXT-X-CONTENT-STEERING
     *     (keys and steering servers are often elsewhere). Delivery directives ({@code _HLS_msn},
     *     {@code _HLS_part}, {@code _HLS_skip}: RFC 8216bis §6.2.5) are dropped from the appended query,
     *     since they describe the playlist request only. Characters that cannot stand in a quoted
     *     attribute or a URI ({@code "}, space, controls, non-ASCII) are percent-encoded.
     * @param playlistText an M3U8 playlist
     * @param rawQuery the client's query, without '?' (null or empty: the text is returned as is)
     */
    static String withQuery(String playlistText, String rawQuery) {
        String extra = appendable(rawQuery);
        if (extra.isEmpty()) {
            return playlistText;
        }
        StringBuilder out = new StringBuilder(playlistText.length() + 64);
        int at = 0;
        while (at < playlistText.length()) {
            int nl = playlistText.indexOf('\n', at);
            int end = nl < 0 ? playlistText.length() : nl + 1;
            int contentEnd = nl < 0 ? end : nl;
            if (contentEnd > at && playlistText.charAt(contentEnd - 1) == '\r') {
                contentEnd--;
            }
            out.append(rewriteLine(playlistText.substring(at, contentEnd), extra));
            out.append(playlistText, contentEnd, end);
            at = end;
        }
        return out.toString();
    }

    private static String rewriteLine(String line, String extra) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return line;
        }
        if (!trimmed.startsWith("#")) {
            return isRelative(trimmed) ? line.replace(trimmed, append(trimmed, extra)) : line;
        }
        if (!(line.startsWith("#EXT-X-PART:") || line.startsWith("#EXT-X-PRELOAD-HINT:") || line.startsWith("#EXT-X-MAP:")
                || line.startsWith("#EXT-X-RENDITION-REPORT:") || line.startsWith("#EXT-X-MEDIA:")
                || line.startsWith("#EXT-X-I-FRAME-STREAM-INF:"))) {
            return line;
        }
        return rewriteUriAttributes(line, extra);
    }

    /** Walks the attribute list after the tag's ':' (RFC 8216bis §4.2) and rewrites quoted URI values. */
    private static String rewriteUriAttributes(String line, String extra) {
        StringBuilder s = new StringBuilder(line.length() + extra.length() + 1);
        int colon = line.indexOf(':');
        s.append(line, 0, colon + 1);
        int i = colon + 1;
        while (i < line.length()) {
            int eq = line.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = line.substring(i, eq);
            s.append(line, i, eq + 1);
            i = eq + 1;
            if (i < line.length() && line.charAt(i) == '"') {
                int close = line.indexOf('"', i + 1);
                if (close < 0) {
                    break;
                }
                String value = line.substring(i + 1, close);
                boolean rewrite = name.equals("URI") && !value.isEmpty() && isRelative(value);
                s.append('"').append(rewrite ? append(value, extra) : value).append('"');
                i = close + 1;
            }
            int comma = line.indexOf(',', i);
            int next = comma < 0 ? line.length() : comma + 1;
            s.append(line, i, next);
            i = next;
        }
        s.append(line, i, line.length());
        return s.toString();
    }

    private static String append(String uri, String extra) {
        int hash = uri.indexOf('#');
        String base = hash < 0 ? uri : uri.substring(0, hash);
        String fragment = hash < 0 ? "" : uri.substring(hash);
        String sep = base.indexOf('?') < 0 ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
        return base + sep + extra + fragment;
    }

    /** True for relative references: no scheme ({@code [A-Za-z][A-Za-z0-9+.-]*:}) and not {@code //host}. */
    static boolean isRelative(String uri) {
        if (uri.startsWith("//")) {
            return false;
        }
        int colon = uri.indexOf(':');
        if (colon <= 0) {
            return true;
        }
        int slash = uri.indexOf('/');
        int query = uri.indexOf('?');
        if ((slash >= 0 && slash < colon) || (query >= 0 && query < colon)) {
            return true;
        }
        return !uri.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*");
    }

    /** The client's query without delivery directives, made safe to embed in a quoted attribute. */
    static String appendable(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty() || pair.startsWith("_HLS_")) {
                continue;
            }
            if (s.length() > 0) {
                s.append('&');
            }
            s.append(pair);
        }
        return encodeUnsafe(s.toString());
    }

    private static String encodeUnsafe(String q) {
        StringBuilder s = new StringBuilder(q.length());
        for (byte b : q.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c > 0x20 && c < 0x7F && c != '"' && c != '#' && c != '<' && c != '>' && c != '\\' && c != '^'
                    && c != '`' && c != '{' && c != '|' && c != '}') {
                s.append((char) c);
            } else {
                s.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return s.toString();
    }

    /** The parameters of {@code rawQuery} (see {@link SignedQuery#parse}); exposed for the server's routing. */
    static Map<String, String> parameters(String rawQuery) {
        return SignedQuery.parse(rawQuery);
    }
}

package io.streamwire.hls;

import java.util.HashMap;
import java.util.Map;

/**
 * Variable definitions and substitution, RFC 8216bis §4.3. Substitution is one pass over the text:
 * values are inserted literally and never re-scanned, so nested definitions cannot blow up; the
 * characters produced are counted against {@link PlaylistLimits#maxVariableExpansion()}.
 *
 * <p>Not thread-safe.
 */
final class Variables {
    private final Map<String, String> values = new HashMap<>();
    private final long maxExpansion;
    private long expanded;

    Variables(long maxExpansion) {
        this.maxExpansion = maxExpansion;
    }

    int size() {
        return values.size();
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    void put(String name, String value) {
        values.put(name, value);
    }

    /** Thrown for an undefined reference; the parser turns it into a diagnostic. */
    static final class Undefined extends Exception {
        private static final long serialVersionUID = 1L;
        final String name;
        final int index;

        Undefined(String name, int index) {
            super(null, null, false, false);
            this.name = name;
            this.index = index;
        }
    }

    /**
     * {@code text} with each {@code {$name}} replaced. Undefined references are left as written
     * and reported through {@code Undefined} after the pass when {@code report} is set.
     */
    String substitute(String text) throws Undefined {
        int at = text.indexOf("{$");
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int from = 0;
        Undefined undefined = null;
        while (at >= 0) {
            int close = text.indexOf('}', at + 2);
            if (close < 0) {
                break;
            }
            String name = text.substring(at + 2, close);
            if (!validName(name)) {
                at = text.indexOf("{$", at + 2);
                continue;
            }
            String value = values.get(name);
            out.append(text, from, at);
            if (value == null) {
                if (undefined == null) {
                    undefined = new Undefined(name, at);
                }
                out.append(text, at, close + 1);
            } else {
                expanded += value.length();
                if (expanded > maxExpansion) {
                    throw PlaylistLimits.exceeded("variable expansion", "maxVariableExpansion", maxExpansion, expanded, at);
                }
                out.append(value);
            }
            from = close + 1;
            at = text.indexOf("{$", from);
        }
        out.append(text, from, text.length());
        if (undefined != null) {
            throw undefined;
        }
        return out.toString();
    }

    /** §4.4.2.3: NAME is [a-zA-Z0-9_-]+. */
    static boolean validName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** The value of query parameter {@code name} in {@code url}, percent-decoded, or null. */
    static String queryParam(String url, String name) {
        if (url == null) {
            return null;
        }
        int q = url.indexOf('?');
        if (q < 0) {
            return null;
        }
        int hash = url.indexOf('#', q);
        String query = url.substring(q + 1, hash < 0 ? url.length() : hash);
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            if (decode(k).equals(name)) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    private static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}

package io.streamwire.examples.origin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed-query scheme shared by publish and playback tokens: {@code exp=<unix seconds>&sig=<hex
 * HMAC-SHA256(secret, message)>} (HMAC: RFC 2104; SHA-256: FIPS 180-4), where the message binds the
 * stream name and the expiry, e.g. {@code name + ":" + exp}.
 *
 * <p>Parsing is strict so that one token has one meaning: {@code exp} is 1 to 18 decimal digits,
 * {@code sig} is exactly 64 hex digits (either case), and a query that repeats {@code exp} or
 * {@code sig} is refused. Signatures are compared in constant time ({@link MessageDigest#isEqual}).
 *
 * <p>Thread-safe (stateless; a {@link Mac} is created per call).
 */
final class SignedQuery {
    /** Longest query accepted (characters); longer ones are refused before they are split. */
    static final int MAX_QUERY_CHARS = 4096;
    private static final int SIG_HEX_CHARS = 64;
    private static final int MAX_EXP_DIGITS = 18;

    private SignedQuery() {}

    /** The verdict on one query: {@code ok}, or the short reason it failed (never containing a secret). */
    record Check(boolean ok, long exp, String reason) {
        static Check fail(String reason) {
            return new Check(false, -1, reason);
        }
    }

    /** HMAC-SHA256 of the UTF-8 bytes of {@code message} under {@code key} (non-empty). */
    static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Lower-case hex HMAC-SHA256 of {@code message}. */
    static String sign(byte[] key, String message) {
        return HexFormat.of().formatHex(hmac(key, message));
    }

    /** SHA-256 of UTF-8 text: used to compare secrets in constant time whatever their lengths. */
    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /**
     * Splits a raw query ({@code a=1&b=2}, no leading {@code ?}) into its parameters in order; no
     * percent-decoding. A parameter without {@code =} maps to "". Returns null when a name repeats or
     * the query is longer than {@link #MAX_QUERY_CHARS}.
     */
    static Map<String, String> parse(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        if (rawQuery.length() > MAX_QUERY_CHARS) {
            return null;
        }
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            if (out.putIfAbsent(name, value) != null) {
                return null;
            }
        }
        return out;
    }

    /**
     * Checks {@code exp} and {@code sig} of {@code rawQuery} against HMAC-SHA256({@code key},
     * {@code prefix + exp}) at {@code nowEpochSeconds}; the token is valid up to and including second
     * {@code exp}.
     */
    static Check verify(byte[] key, String prefix, String rawQuery, long nowEpochSeconds) {
        Map<String, String> q = parse(rawQuery);
        if (q == null) {
            return Check.fail("malformed query (too long or a repeated parameter)");
        }
        String expText = q.get("exp");
        String sig = q.get("sig");
        if (expText == null || sig == null) {
            return Check.fail("missing exp or sig");
        }
        if (expText.isEmpty() || expText.length() > MAX_EXP_DIGITS || !allDigits(expText)) {
            return Check.fail("exp is not a decimal number of at most " + MAX_EXP_DIGITS + " digits");
        }
        if (sig.length() != SIG_HEX_CHARS || !allHex(sig)) {
            return Check.fail("sig is not " + SIG_HEX_CHARS + " hex digits");
        }
        long exp = Long.parseLong(expText);
        byte[] expected = hmac(key, prefix + exp);
        byte[] given = HexFormat.of().parseHex(sig);
        if (!MessageDigest.isEqual(expected, given)) {
            return Check.fail("bad signature");
        }
        if (nowEpochSeconds > exp) {
            return new Check(false, exp, "token expired at " + exp);
        }
        return new Check(true, exp, "token valid until " + exp);
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean allHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0 || s.charAt(i) > 'f') {
                return false;
            }
        }
        return true;
    }
}

package io.streamwire.rtmp.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 digests of the "complex" RTMP handshake that Flash Player 9+ and Flash Media
 * Server use (not in the published RTMP 1.0 spec; the keys are the widely published ones). A
 * 1536-byte C1/S1 carries a 32-byte digest at an offset given by one of two schemes:
 *
 * <pre>
 * scheme 0: offset = (b[8] + b[9] + b[10] + b[11]) % 728 + 12
 * scheme 1: offset = (b[772] + b[773] + b[774] + b[775]) % 728 + 776
 * digest  = HMAC-SHA256(key, the 1536 bytes without the 32 digest bytes)
 * </pre>
 *
 * <p>C2/S2 end with HMAC-SHA256(HMAC-SHA256(longKey, peerDigest), first 1504 bytes).
 *
 * <p>Stateless and thread-safe (a {@link Mac} is created per call).
 */
public final class HandshakeDigest {
    /** Size of C1, S1, C2 and S2. */
    public static final int SIZE = 1536;
    /** Size of one digest. */
    public static final int DIGEST_SIZE = 32;

    private static final byte[] TAIL = {
        (byte) 0xF0, (byte) 0xEE, (byte) 0xC2, (byte) 0x4A, (byte) 0x80, (byte) 0x68, (byte) 0xBE, (byte) 0xE8,
        (byte) 0x2E, (byte) 0x00, (byte) 0xD0, (byte) 0xD1, (byte) 0x02, (byte) 0x9E, (byte) 0x7E, (byte) 0x57,
        (byte) 0x6E, (byte) 0xEC, (byte) 0x5D, (byte) 0x2D, (byte) 0x29, (byte) 0x80, (byte) 0x6F, (byte) 0xAB,
        (byte) 0x93, (byte) 0xB8, (byte) 0xE6, (byte) 0x36, (byte) 0xCF, (byte) 0xEB, (byte) 0x31, (byte) 0xAE,
    };
    /** "Genuine Adobe Flash Player 001" followed by the 32-byte tail: 62 bytes. */
    public static final byte[] PLAYER_KEY = concat("Genuine Adobe Flash Player 001".getBytes(java.nio.charset.StandardCharsets.US_ASCII), TAIL);
    /** "Genuine Adobe Flash Media Server 001" followed by the 32-byte tail: 68 bytes. */
    public static final byte[] SERVER_KEY = concat("Genuine Adobe Flash Media Server 001".getBytes(java.nio.charset.StandardCharsets.US_ASCII), TAIL);
    /** Bytes of {@link #PLAYER_KEY} that sign C1. */
    public static final int PLAYER_KEY_SHORT = 30;
    /** Bytes of {@link #SERVER_KEY} that sign S1. */
    public static final int SERVER_KEY_SHORT = 36;

    private HandshakeDigest() {}

    /** Offset of the digest in {@code block} under {@code scheme} (0 or 1). */
    public static int offset(byte[] block, int scheme) {
        int base = scheme == 0 ? 8 : 772;
        int sum = (block[base] & 0xFF) + (block[base + 1] & 0xFF) + (block[base + 2] & 0xFF) + (block[base + 3] & 0xFF);
        return sum % 728 + base + 4;
    }

    /** HMAC-SHA256 of {@code block} without the 32 bytes at {@code digestAt}. */
    public static byte[] compute(byte[] block, int digestAt, byte[] key, int keyLength) {
        Mac mac = mac(key, keyLength);
        mac.update(block, 0, digestAt);
        mac.update(block, digestAt + DIGEST_SIZE, SIZE - digestAt - DIGEST_SIZE);
        return mac.doFinal();
    }

    /** HMAC-SHA256 of {@code data[0..length)} with the whole {@code key}. */
    public static byte[] hmac(byte[] key, byte[] data, int length) {
        Mac mac = mac(key, key.length);
        mac.update(data, 0, length);
        return mac.doFinal();
    }

    /** Writes the digest into {@code block} under {@code scheme}; returns it. */
    public static byte[] imprint(byte[] block, int scheme, byte[] key, int keyLength) {
        int at = offset(block, scheme);
        byte[] digest = compute(block, at, key, keyLength);
        System.arraycopy(digest, 0, block, at, DIGEST_SIZE);
        return digest;
    }

    /**
     * Finds a valid digest in {@code block}, trying scheme 0 then 1.
     *
     * @return the scheme (0 or 1), or -1 when neither validates
     */
    public static int findScheme(byte[] block, byte[] key, int keyLength) {
        for (int scheme = 0; scheme < 2; scheme++) {
            int at = offset(block, scheme);
            byte[] digest = compute(block, at, key, keyLength);
            if (MessageDigest.isEqual(digest, java.util.Arrays.copyOfRange(block, at, at + DIGEST_SIZE))) {
                return scheme;
            }
        }
        return -1;
    }

    /** The 32 digest bytes of {@code block} under {@code scheme}. */
    public static byte[] digestOf(byte[] block, int scheme) {
        int at = offset(block, scheme);
        return java.util.Arrays.copyOfRange(block, at, at + DIGEST_SIZE);
    }

    /**
     * Signs a C2/S2 answer: its last 32 bytes become HMAC(HMAC(longKey, peerDigest), first 1504 bytes).
     */
    public static void signAnswer(byte[] answer, byte[] longKey, byte[] peerDigest) {
        byte[] key = hmac(longKey, peerDigest, peerDigest.length);
        byte[] sig = hmac(key, answer, SIZE - DIGEST_SIZE);
        System.arraycopy(sig, 0, answer, SIZE - DIGEST_SIZE, DIGEST_SIZE);
    }

    /** Whether {@code answer} (C2/S2) is signed for {@code ownDigest} with {@code longKey}. */
    public static boolean answerValid(byte[] answer, byte[] longKey, byte[] ownDigest) {
        byte[] key = hmac(longKey, ownDigest, ownDigest.length);
        byte[] sig = hmac(key, answer, SIZE - DIGEST_SIZE);
        return MessageDigest.isEqual(sig, java.util.Arrays.copyOfRange(answer, SIZE - DIGEST_SIZE, SIZE));
    }

    private static Mac mac(byte[] key, int keyLength) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, 0, keyLength, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

package io.streamwire.rtmp;

import io.streamwire.core.internal.DecoderState;
import io.streamwire.rtmp.internal.HandshakeDigest;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The client side of the RTMP handshake: sends C0+C1, reads S0+S1+S2, sends C2. Adobe RTMP
 * Specification 1.0 §5.2, plus the HMAC-SHA256 digest handshake of Flash Player 9+: a digest C1
 * (version 9.0.124.2 as ffmpeg sends, digest at offset scheme 0, Flash Player key) makes servers such
 * as nginx-rtmp, FMS and Wowza answer with a digest S1; C2 is then signed for S1's digest, else it
 * echoes S1.
 *
 * <p>Sans-IO: C0+C1 are ready in {@link #takeOutbound()} from construction; {@link #read(ByteBuffer)}
 * consumes S0+S1+S2 and no byte more (the chunk stream that follows stays in the buffer); C2 is
 * then in {@link #takeOutbound()}. It is not a {@link io.streamwire.core.StreamDecoder} for that
 * reason (a stream decoder consumes all it is fed); the sessions, which are, use it.
 *
 * <p>Errors: an S0 version other than 3 raises {@link io.streamwire.core.UnsupportedFeatureException}
 * (module "rtmp"); later calls to {@link #read} then throw {@link IllegalStateException} naming it.
 *
 * <p>Not thread-safe; keep it on one connection or event loop.
 *
 * @since 0.1.0
 */
public final class ClientHandshake {
    private static final int CLIENT_VERSION = 0x09007C02;

    private enum State { READ_S0_S1_S2, DONE }

    private final RandomGenerator random;
    private final DecoderState lifecycle = new DecoderState("ClientHandshake");
    private final byte[] c1 = new byte[HandshakeDigest.SIZE];
    private final byte[] received = new byte[1 + 2 * HandshakeDigest.SIZE];
    private final byte[] c1Digest;
    private int have;
    private State state = State.READ_S0_S1_S2;
    private ByteBuffer outbound;
    private boolean serverDigest;
    private boolean serverAnswerValid;

    /**
     * @param digest true for the digest ("complex") handshake, false for the simple one of §5.2
     * @param random source of the C1/C2 random bytes
     */
    public ClientHandshake(boolean digest, RandomGenerator random) {
        this.random = java.util.Objects.requireNonNull(random, "random");
        for (int i = 8; i < c1.length; i++) {
            c1[i] = (byte) random.nextInt(256);
        }
        if (digest) {
            ByteBuffer.wrap(c1).putInt(4, CLIENT_VERSION);
            c1Digest = HandshakeDigest.imprint(c1, 0, HandshakeDigest.PLAYER_KEY, HandshakeDigest.PLAYER_KEY_SHORT);
        } else {
            c1Digest = null;
        }
        outbound = ByteBuffer.allocate(1 + HandshakeDigest.SIZE).put((byte) 3).put(c1).flip();
    }

    /**
     * Consumes S0+S1+S2 from {@code in} and no byte more.
     *
     * @return true once S2 has been read (C2 is then in {@link #takeOutbound()})
     * @throws io.streamwire.core.UnsupportedFeatureException when S0 is not version 3
     * @throws IllegalStateException after a failure
     */
    public boolean read(ByteBuffer in) {
        lifecycle.checkNotFailed("read");
        try {
            return readHandshake(in);
        } catch (Throwable t) {
            lifecycle.fail(t);
            throw t;
        }
    }

    private boolean readHandshake(ByteBuffer in) {
        if (state == State.DONE) {
            return true;
        }
        if (have == 0 && in.hasRemaining() && in.get(in.position()) != 3) {
            throw RtmpException.unsupported("handshake S0 version", (in.get(in.position()) & 0xFF)
                    + " is not supported (expected: 3)", 0, ServerHandshake.SPEC + ".1");
        }
        int n = Math.min(received.length - have, in.remaining());
        in.get(received, have, n);
        have += n;
        if (have < received.length) {
            return false;
        }
        byte[] s1 = Arrays.copyOfRange(received, 1, 1 + HandshakeDigest.SIZE);
        byte[] s2 = Arrays.copyOfRange(received, 1 + HandshakeDigest.SIZE, received.length);
        int scheme = c1Digest == null ? -1
                : HandshakeDigest.findScheme(s1, HandshakeDigest.SERVER_KEY, HandshakeDigest.SERVER_KEY_SHORT);
        byte[] c2;
        if (scheme >= 0) {
            serverDigest = true;
            c2 = new byte[HandshakeDigest.SIZE];
            for (int i = 0; i < c2.length; i++) {
                c2[i] = (byte) random.nextInt(256);
            }
            HandshakeDigest.signAnswer(c2, HandshakeDigest.PLAYER_KEY, HandshakeDigest.digestOf(s1, scheme));
            serverAnswerValid = HandshakeDigest.answerValid(s2, HandshakeDigest.SERVER_KEY, c1Digest);
        } else {
            c2 = s1; // §5.2.4: C2 echoes S1
            serverAnswerValid = Arrays.equals(s2, 8, s2.length, c1, 8, c1.length);
        }
        outbound = ByteBuffer.wrap(c2);
        state = State.DONE;
        return true;
    }

    /** Whether S2 has been read. */
    public boolean isComplete() {
        return state == State.DONE;
    }

    /** Whether the server answered with a valid S1 digest. */
    public boolean isDigest() {
        return serverDigest;
    }

    /** Whether S2 echoed C1 (simple) or was signed for C1's digest (digest handshake). */
    public boolean serverAnswerValid() {
        return serverAnswerValid;
    }

    /** Bytes to send: C0+C1 first, C2 once S2 is in; each call hands out what was not handed out before. */
    public ByteBuffer takeOutbound() {
        ByteBuffer out = outbound;
        outbound = ByteBuffer.allocate(0);
        return out;
    }
}

package io.streamwire.rtmp;

import io.streamwire.core.internal.DecoderState;
import io.streamwire.rtmp.internal.HandshakeDigest;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The server side of the RTMP handshake: reads C0+C1, answers S0+S1+S2, reads C2. Adobe RTMP
 * Specification 1.0 §5.2, plus the HMAC-SHA256 digest ("complex") handshake of Flash Player 9+ and
 * Flash Media Server: when C1 carries a valid digest at either offset scheme, S1 carries a server
 * digest in the same scheme and S2 is signed for the client's digest; otherwise the server falls back
 * to the simple handshake (S2 echoes C1).
 *
 * <p>Sans-IO and push-based: {@link #read(ByteBuffer)} consumes only handshake bytes, so bytes after
 * C2 that arrived in the same read stay in the buffer for the {@link ChunkDecoder}. It is not a
 * {@link io.streamwire.core.StreamDecoder} for that reason (a stream decoder consumes all it is
 * fed); the sessions, which are, use it.
 * {@link #takeOutbound()} returns what to send. Randomness comes from the caller's generator; the
 * time fields are zero (the class reads no clock).
 *
 * <p>Errors: a version byte other than 3 raises {@link io.streamwire.core.UnsupportedFeatureException}
 * (module "rtmp"; 6 is RTMPE); later calls to {@link #read} then throw {@link IllegalStateException}
 * naming it.
 * C2 is not required to echo S1 (many clients get it wrong); {@link #clientAnswerValid()} tells.
 *
 * <p>Not thread-safe; keep it on one connection or event loop.
 *
 * @since 0.1.0
 */
public final class ServerHandshake {
    static final String SPEC = "RTMP 1.0 §5.2.2";
    /** Version {@code 0x0D0E0A0D}, as nginx-rtmp answers; any non-zero value marks a digest S1. */
    private static final int SERVER_VERSION = 0x0D0E0A0D;

    private enum State { READ_C0_C1, READ_C2, DONE }

    private final RandomGenerator random;
    private final DecoderState lifecycle = new DecoderState("ServerHandshake");
    private final byte[] received = new byte[1 + HandshakeDigest.SIZE];
    private int have;
    private long offset;
    private State state = State.READ_C0_C1;
    private ByteBuffer outbound = ByteBuffer.allocate(0);
    private int scheme = -1;
    private byte[] s1;
    private byte[] s1Digest;
    private boolean clientAnswerValid;

    /** A server handshake that draws S1/S2 random bytes from {@code random}. */
    public ServerHandshake(RandomGenerator random) {
        this.random = java.util.Objects.requireNonNull(random, "random");
    }

    /**
     * Consumes handshake bytes from {@code in}, up to the end of C2 and no further.
     *
     * @return true once C2 has been read; the position is then just past C2
     * @throws io.streamwire.core.UnsupportedFeatureException when C0 is not version 3
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
        while (in.hasRemaining()) {
            switch (state) {
                case READ_C0_C1 -> {
                    if (fill(in, 1 + HandshakeDigest.SIZE)) {
                        answerC1();
                        state = State.READ_C2;
                    }
                }
                case READ_C2 -> {
                    if (fill(in, HandshakeDigest.SIZE)) {
                        checkC2();
                        state = State.DONE;
                        return true;
                    }
                }
                case DONE -> {
                    return true;
                }
                default -> throw new IllegalStateException(state.toString());
            }
        }
        return state == State.DONE;
    }

    /** Whether C2 has been read. */
    public boolean isComplete() {
        return state == State.DONE;
    }

    /** Whether the client sent a valid C1 digest, so the digest handshake was answered. */
    public boolean isDigest() {
        return scheme >= 0;
    }

    /** The client's digest scheme (0 or 1), or -1 for the simple handshake. */
    public int digestScheme() {
        return scheme;
    }

    /** Whether C2 echoed S1 (simple) or carried a valid signature for S1's digest (digest handshake). */
    public boolean clientAnswerValid() {
        return clientAnswerValid;
    }

    /**
     * Bytes to send to the client (S0+S1+S2 once C1 is in), and nothing after that; each call hands
     * out what was not handed out before.
     */
    public ByteBuffer takeOutbound() {
        ByteBuffer out = outbound;
        outbound = ByteBuffer.allocate(0);
        return out;
    }

    private boolean fill(ByteBuffer in, int need) {
        int n = Math.min(need - have, in.remaining());
        if (state == State.READ_C0_C1 && have == 0 && n > 0) {
            int version = in.get(in.position()) & 0xFF;
            if (version != 3) {
                throw RtmpException.unsupported("handshake C0 version",
                        version + (version == 6 || version == 8 || version == 9 ? " (RTMPE, encrypted RTMP)" : "")
                                + " is not supported (expected: 3)", offset, SPEC + ".1");
            }
        }
        in.get(received, have, n);
        have += n;
        offset += n;
        if (have < need) {
            return false;
        }
        have = 0;
        return true;
    }

    private void answerC1() {
        byte[] c1 = Arrays.copyOfRange(received, 1, 1 + HandshakeDigest.SIZE);
        boolean versioned = (c1[4] | c1[5] | c1[6] | c1[7]) != 0;
        scheme = versioned ? HandshakeDigest.findScheme(c1, HandshakeDigest.PLAYER_KEY, HandshakeDigest.PLAYER_KEY_SHORT) : -1;
        s1 = new byte[HandshakeDigest.SIZE];
        randomBytes(s1, 8);
        byte[] s2;
        if (scheme >= 0) {
            ByteBuffer.wrap(s1).putInt(4, SERVER_VERSION);
            s1Digest = HandshakeDigest.imprint(s1, scheme, HandshakeDigest.SERVER_KEY, HandshakeDigest.SERVER_KEY_SHORT);
            s2 = new byte[HandshakeDigest.SIZE];
            randomBytes(s2, 0);
            HandshakeDigest.signAnswer(s2, HandshakeDigest.SERVER_KEY, HandshakeDigest.digestOf(c1, scheme));
        } else {
            s2 = c1; // §5.2.4: S2 echoes C1's time and random bytes
        }
        outbound = ByteBuffer.allocate(1 + 2 * HandshakeDigest.SIZE).put((byte) 3).put(s1).put(s2).flip();
    }

    private void checkC2() {
        byte[] c2 = Arrays.copyOf(received, HandshakeDigest.SIZE);
        clientAnswerValid = Arrays.equals(c2, 8, HandshakeDigest.SIZE, s1, 8, HandshakeDigest.SIZE)
                || s1Digest != null && HandshakeDigest.answerValid(c2, HandshakeDigest.PLAYER_KEY, s1Digest);
    }

    private void randomBytes(byte[] block, int from) {
        for (int i = from; i < block.length; i++) {
            block[i] = (byte) random.nextInt(256);
        }
    }
}

package io.streamwire.hls;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.LimitExceededException;
import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Jazzer target for {@link PlaylistDecoder} against {@link PlaylistParser#parse(byte[])}: the
 * input, fed in chunks of a fuzzed size to a strict or lenient decoder with a small line limit,
 * gives the playlist and anomalies of the whole-input parse, or the same error (for a limit: the
 * same setting and field; the counts differ, since the decoder sees fewer bytes at a time); only a
 * {@link StreamwireException} of module {@code "hls"} comes out, and the decoder is failed after it.
 * Seeds under {@code PlaylistDecoderFuzzTestInputs/decode/}.
 */
class PlaylistDecoderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void decode(FuzzedDataProvider data) {
        boolean strict = data.consumeBoolean();
        int chunk = data.consumeInt(1, 64);
        byte[] bytes = data.consumeRemainingAsBytes();
        PlaylistParser parser = (strict ? PlaylistParser.strict() : PlaylistParser.lenient())
                .withLimits(PlaylistLimits.defaults().withMaxVariableExpansion(1 << 16).withMaxLineLength(512));
        Object whole;
        try {
            whole = PlaylistDecoderTest.Decoded.of(parser.parse(bytes));
        } catch (StreamwireException e) {
            whole = outcome(e);
        }
        PlaylistDecoderTest.Recorder recorder = new PlaylistDecoderTest.Recorder();
        PlaylistDecoder decoder = parser.newDecoder(recorder);
        Object pushed;
        try {
            for (int i = 0; i < bytes.length; i += chunk) {
                decoder.feed(ByteBuffer.wrap(bytes, i, Math.min(chunk, bytes.length - i)));
            }
            decoder.endOfInput();
            pushed = recorder.decoded();
        } catch (StreamwireException e) {
            pushed = outcome(e);
            try {
                decoder.endOfInput();
                throw new AssertionError("endOfInput() after " + e + " did not throw");
            } catch (IllegalStateException expected) {
                if (expected.getCause() != e) {
                    throw new AssertionError("the IllegalStateException does not carry " + e, expected);
                }
            }
        }
        if (!Objects.equals(whole, pushed)) {
            throw new AssertionError("decoder in chunks of " + chunk + " gives " + pushed + "\nwhole parse gives " + whole);
        }
    }

    /** What must agree between the two paths for an error. */
    private static String outcome(StreamwireException e) {
        if (!"hls".equals(e.module())) {
            throw new AssertionError("exception of module " + e.module(), e);
        }
        if (e instanceof LimitExceededException l) {
            return "limit " + l.limitName() + " " + l.field();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}

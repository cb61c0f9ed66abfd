package io.streamwire.hls;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.LimitExceededException;

/**
 * Jazzer target for parse→write→parse: whatever the lenient parser makes of arbitrary bytes writes
 * back to a playlist that parses to the same model, and writing is then a fixpoint. Seeds under
 * {@code RoundTripFuzzTestInputs/roundTrip/}.
 */
class RoundTripFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void roundTrip(byte[] data) {
        PlaylistParser lenient = PlaylistParser.lenient().withLimits(PlaylistLimits.defaults().withMaxVariableExpansion(1 << 16));
        Playlist p;
        try {
            p = lenient.parse(data).playlist();
        } catch (LimitExceededException expected) {
            if (!expected.module().equals("hls")) {
                throw expected;
            }
            return;
        }
        String written = p.write();
        Playlist back = lenient.parse(written).playlist();
        if (!back.equals(p)) {
            throw new AssertionError("parse(write(parse(x))) != parse(x):\n" + written);
        }
        if (!back.write().equals(written)) {
            throw new AssertionError("write is not a fixpoint:\n" + written);
        }
        // the byte writer and the byte parser's shortcuts against their plain counterparts
        if (!java.util.Arrays.equals(PlaylistWriter.toBytes(p), written.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            throw new AssertionError("toBytes differs from write().getBytes(UTF_8):\n" + written);
        }
        if (p instanceof MediaPlaylist m && !m.segments().equals(MediaPlaylist.of(m.lines()).segments())) {
            throw new AssertionError("segments built while parsing differ from a rebuild from the lines:\n" + written);
        }
        boolean ascii = true;
        for (byte b : data) {
            ascii &= b >= 0;
        }
        if (ascii && !lenient.parse(data).equals(lenient.parse(new String(data, java.nio.charset.StandardCharsets.ISO_8859_1)))) {
            throw new AssertionError("byte parse differs from text parse:\n" + written);
        }
    }
}

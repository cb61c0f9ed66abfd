package io.streamwire.hls;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer target for parse→write→parse: whatever the lenient parser makes of arbitrary bytes writes
 * back to a playlist that parses to the same model, and writing is then a fixpoint. Seeds under
 * {@code RoundTripFuzzTestInputs/roundTrip/}.
 */
class RoundTripFuzzTest {

    @FuzzTest(maxDuration = "120s")
    void roundTrip(byte[] data) {
        PlaylistParser lenient = PlaylistParser.lenient().withLimits(PlaylistLimits.defaults().withMaxVariableExpansion(1 << 16));
        Playlist p;
        try {
            p = lenient.parse(data).playlist();
        } catch (LimitExceededException expected) {
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
    }
}

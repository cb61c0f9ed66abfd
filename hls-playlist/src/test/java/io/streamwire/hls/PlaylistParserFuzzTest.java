package io.streamwire.hls;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer target for {@link PlaylistParser} (strict and lenient) over arbitrary bytes: only
 * {@link PlaylistException} may come out. Seeds under {@code PlaylistParserFuzzTestInputs/parse/}.
 */
class PlaylistParserFuzzTest {

    @FuzzTest(maxDuration = "120s")
    void parse(byte[] data) {
        try {
            PlaylistParser.strict().parse(data);
        } catch (PlaylistException expected) {
            // the only exception allowed
        }
        ParseResult r = PlaylistParser.lenient().withLimits(PlaylistLimits.defaults().withMaxVariableExpansion(1 << 16)).parse(data);
        r.playlist().lines().size();
    }
}

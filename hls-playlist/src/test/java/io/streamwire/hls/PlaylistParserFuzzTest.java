package io.streamwire.hls;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.StreamwireException;

/**
 * Jazzer target for {@link PlaylistParser} (strict and lenient) over arbitrary bytes: only a
 * {@link StreamwireException} of module {@code "hls"} may come out of a strict parse, and nothing
 * out of a lenient one within the limits. Seeds under {@code PlaylistParserFuzzTestInputs/parse/}.
 */
class PlaylistParserFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) {
        try {
            PlaylistParser.strict().parse(data);
        } catch (StreamwireException expected) {
            if (!"hls".equals(expected.module())) {
                throw new AssertionError("exception of module " + expected.module(), expected);
            }
        }
        ParseResult r = PlaylistParser.lenient().withLimits(PlaylistLimits.defaults().withMaxVariableExpansion(1 << 16)).parse(data);
        r.playlist().lines().size();
    }
}

package io.streamwire.hls;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.LimitExceededException;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer target for {@link AttributeList#parse}: only a {@link PlaylistException} or, past the
 * attribute limit, a {@link LimitExceededException} of module {@code "hls"} may come out, and what
 * parses writes back to text that parses to the same list. Seeds under
 * {@code AttributeListFuzzTestInputs/parse/}.
 */
class AttributeListFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        for (boolean strict : new boolean[] {true, false}) {
            AttributeList list;
            try {
                list = AttributeList.parse(text, strict, 64);
            } catch (PlaylistException expected) {
                continue;
            } catch (LimitExceededException expected) {
                if (!"hls".equals(expected.module()) || !"PlaylistLimits.maxAttributes()".equals(expected.limitName())) {
                    throw new AssertionError("unexpected limit", expected);
                }
                continue;
            }
            AttributeList back = AttributeList.parse(list.toString(), strict, 64);
            if (!back.equals(list)) {
                throw new AssertionError("parse(write(x)) != x for " + text);
            }
        }
    }
}

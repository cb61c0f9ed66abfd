package io.streamwire.hls;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer target for {@link AttributeList#parse}: only {@link PlaylistException} may come out, and
 * what parses writes back to text that parses to the same list. Seeds under
 * {@code AttributeListFuzzTestInputs/parse/}.
 */
class AttributeListFuzzTest {

    @FuzzTest(maxDuration = "120s")
    void parse(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        for (boolean strict : new boolean[] {true, false}) {
            AttributeList list;
            try {
                list = AttributeList.parse(text, strict, 64);
            } catch (PlaylistException expected) {
                continue;
            }
            AttributeList back = AttributeList.parse(list.toString(), strict, 64);
            if (!back.equals(list)) {
                throw new AssertionError("parse(write(x)) != x for " + text);
            }
        }
    }
}

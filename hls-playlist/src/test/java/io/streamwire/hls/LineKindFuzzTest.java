package io.streamwire.hls;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/** Jazzer target for {@link LineKind#of} over every line of arbitrary text; seeds under {@code LineKindFuzzTestInputs/classify/}. */
class LineKindFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void classify(byte[] data) {
        new String(data, StandardCharsets.UTF_8).lines().forEach(LineKind::of);
    }
}

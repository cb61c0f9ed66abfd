package io.streamwire.hls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DurationCacheTest {

    private static String text(DurationCache c, String line, String duration) {
        byte[] b = line.getBytes(StandardCharsets.US_ASCII);
        int from = line.indexOf(duration);
        return c.text(b, from, from + duration.length());
    }

    @Test
    void repeatsShareOneStringAndOneUntitledExtinf() {
        DurationCache c = new DurationCache();
        String a = text(c, "#EXTINF:6.006000,\nseg.ts\n", "6.006000");
        Extinf e = c.untitled();
        String b = text(c, "x#EXTINF:6.006000,", "6.006000"); // same bytes elsewhere, near the array's end
        assertThat(b).isSameAs(a);
        assertThat(c.untitled()).isSameAs(e).isEqualTo(new Extinf("6.006000", ""));
        assertThat(c.micros()).isEqualTo(6_006_000);
    }

    @Test
    void differentTextsStayApart() {
        DurationCache c = new DurationCache();
        String[] durations = {"6", "6.", "6.0", "60", "6.006", "6.0060001234567", "6.00600012345678", "6.00600012345679",
            "9.99999999999999", "1"};
        for (int round = 0; round < 3; round++) {
            for (String d : durations) {
                String got = text(c, "#EXTINF:" + d + ",\nseg.ts\n", d);
                assertThat(got).isEqualTo(d);
                assertThat(c.micros()).isEqualTo(Decimals.parseMicros(d));
                assertThat(c.untitled()).isEqualTo(new Extinf(d, ""));
            }
        }
    }
}

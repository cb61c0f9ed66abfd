package io.streamwire.hls;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written decimal paths against the JDK's exact arithmetic. */
class DecimalsTest {

    private static long exactMicros(String text) {
        return new BigDecimal(text).setScale(6, RoundingMode.HALF_UP).movePointRight(6).longValueExact();
    }

    @Test
    void parseMicrosMatchesBigDecimalOnEveryDecimalUpTo100WithThreeFractionDigits() {
        for (int i = 0; i < 100_000; i++) {
            String text = (i / 1000) + "." + String.format("%03d", i % 1000);
            assertThat(Decimals.parseMicros(text)).as(text).isEqualTo(exactMicros(text));
            String whole = Integer.toString(i);
            assertThat(Decimals.parseMicros(whole)).as(whole).isEqualTo(exactMicros(whole));
        }
    }

    @Test
    void parseMicrosMatchesBigDecimalOnGeneratedDecimals() {
        SplittableRandom random = new SplittableRandom(8);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            int intDigits = 1 + random.nextInt(9);
            for (int d = 0; d < intDigits; d++) {
                b.append((char) ('0' + random.nextInt(10)));
            }
            int fracDigits = random.nextInt(12);
            if (fracDigits > 0 || random.nextBoolean()) {
                b.append('.');
            }
            for (int d = 0; d < fracDigits; d++) {
                b.append((char) ('0' + random.nextInt(10)));
            }
            String text = b.toString();
            assertThat(Decimals.parseMicros(text)).as(text).isEqualTo(exactMicros(text));
        }
    }

    @Test
    void formatReadsBackAsTheSameDouble() {
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 100_000; i++) {
            double value = i < 50_000 ? random.nextInt(100_000_000) / 1e6 : random.nextDouble() * 1e4;
            String text = Decimals.format(value);
            assertThat(Double.parseDouble(text)).as(text).isEqualTo(value);
            assertThat(text).as(text).doesNotContain("E").doesNotEndWith(".");
        }
    }
}

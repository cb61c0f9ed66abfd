package io.streamwire.hls;

import java.math.BigDecimal;

/** Number formatting without float noise. Immutable and thread-safe. */
final class Decimals {
    private Decimals() {}

    /**
     * The shortest decimal text that reads back as {@code value}: 6.0 becomes "6", 0.1 stays "0.1",
     * never an exponent.
     *
     * @throws IllegalArgumentException for NaN or infinity
     */
    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String s = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return s;
    }

    /** Seconds to a duration text with at most 6 decimals, trailing zeros removed. */
    static String formatMicros(long micros) {
        if (micros % 1_000_000 == 0) {
            return Long.toString(micros / 1_000_000);
        }
        return BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
    }

    /**
     * A non-negative decimal text in microseconds, rounded half up past 6 decimals; saturates at
     * Long.MAX_VALUE. The text must be digits with at most one dot.
     */
    static long parseMicros(String text) {
        long whole = 0;
        int i = 0;
        int n = text.length();
        boolean big = false;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                break;
            }
            if (whole > 9_000_000_000_000L) {
                big = true;
            } else {
                whole = whole * 10 + (c - '0');
            }
        }
        if (big) {
            return Long.MAX_VALUE;
        }
        long frac = 0;
        int digits = 0;
        boolean roundUp = false;
        for (i++; i < n; i++) {
            int d = text.charAt(i) - '0';
            if (digits < 6) {
                frac = frac * 10 + d;
                digits++;
            } else if (digits == 6) {
                roundUp = d >= 5;
                digits++;
            }
        }
        for (int k = Math.min(digits, 6); k < 6; k++) {
            frac *= 10;
        }
        return whole * 1_000_000 + frac + (roundUp ? 1 : 0);
    }
}

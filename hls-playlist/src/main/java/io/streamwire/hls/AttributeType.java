package io.streamwire.hls;

/**
 * The attribute value types of RFC 8216bis §4.2.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public enum AttributeType {
    /** decimal-integer: unquoted decimal digits, 0 to 2^64-1. */
    DECIMAL_INTEGER,
    /** hexadecimal-sequence: {@code 0x} or {@code 0X} then hexadecimal digits. */
    HEXADECIMAL_SEQUENCE,
    /** decimal-floating-point: non-negative decimal. */
    DECIMAL_FLOAT,
    /** signed-decimal-floating-point: decimal with an optional leading minus. */
    SIGNED_DECIMAL_FLOAT,
    /** quoted-string: between double quotes, without CR, LF or double quote. */
    QUOTED_STRING,
    /** enumerated-string: unquoted, no white space, double quote or comma. */
    ENUMERATED_STRING,
    /** decimal-resolution: {@code <width>x<height>}. */
    DECIMAL_RESOLUTION;

    /**
     * Whether {@code value} (quotes removed) written {@code quoted} or not is of this type.
     */
    public boolean accepts(String value, boolean quoted) {
        if (this == QUOTED_STRING) {
            return quoted;
        }
        if (quoted) {
            return false;
        }
        switch (this) {
            case DECIMAL_INTEGER:
                return isDecimalInteger(value, 0, value.length());
            case HEXADECIMAL_SEQUENCE: {
                int n = value.length();
                if (n < 3 || value.charAt(0) != '0' || (value.charAt(1) != 'x' && value.charAt(1) != 'X')) {
                    return false;
                }
                for (int i = 2; i < n; i++) {
                    if (Character.digit(value.charAt(i), 16) < 0 || value.charAt(i) > 'f') {
                        return false;
                    }
                }
                return true;
            }
            case DECIMAL_FLOAT:
                return isDecimal(value, 0);
            case SIGNED_DECIMAL_FLOAT:
                return isDecimal(value, !value.isEmpty() && value.charAt(0) == '-' ? 1 : 0);
            case ENUMERATED_STRING: {
                if (value.isEmpty()) {
                    return false;
                }
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    if (c == ' ' || c == '\t' || c == '"' || c == ',') {
                        return false;
                    }
                }
                return true;
            }
            case DECIMAL_RESOLUTION: {
                int x = value.indexOf('x');
                return x > 0 && isDecimalInteger(value, 0, x) && isDecimalInteger(value, x + 1, value.length())
                        && x - 0 <= 9 && value.length() - x - 1 <= 9;
            }
            default:
                throw new IllegalStateException(name());
        }
    }

    /** Digits only, 1..20 of them, and at most 2^64-1. */
    static boolean isDecimalInteger(String s, int from, int to) {
        int n = to - from;
        if (n < 1 || n > 20) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return n < 20 || s.substring(from, to).compareTo("18446744073709551615") <= 0;
    }

    /** {@code digits [ . digits ]}, also accepting {@code .5} and {@code 5.}. */
    static boolean isDecimal(String s, int from) {
        int n = s.length();
        boolean digits = false;
        boolean dot = false;
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return false;
            }
        }
        return digits;
    }
}

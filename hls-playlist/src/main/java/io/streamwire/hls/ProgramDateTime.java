package io.streamwire.hls;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * EXT-X-PROGRAM-DATE-TIME, RFC 8216bis §4.4.4.6: an ISO 8601 date-time with time zone.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the date-time as written, e.g. {@code 2010-02-19T14:54:23.031+08:00}
 * @since 0.1.0
 */
public record ProgramDateTime(String value) implements PlaylistTag {
    /** ISO 8601 with optional fraction and any of {@code Z}, {@code +hh:mm}, {@code +hhmm}, {@code +hh}. */
    static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T').appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2).optionalStart().appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter();

    public ProgramDateTime {
        if (parseOrNull(value) == null) {
            throw new IllegalArgumentException("'" + value + "' is not an ISO 8601 date-time with a time zone");
        }
    }

    /** The date-time of {@code instant} in UTC with milliseconds, e.g. {@code 2024-01-01T00:00:00.000Z}. */
    public static ProgramDateTime of(Instant instant) {
        return new ProgramDateTime(DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
    }

    /** The instant; never null for a constructed value. */
    public Instant instant() {
        return parseOrNull(value);
    }

    static Instant parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        Instant fast = parseFast(text);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(text, FORMAT).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
    }

    private static int digits(String s, int at, int count) {
        int v = 0;
        for (int i = at; i < at + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * {@code YYYY-MM-DDThh:mm:ss[.f{1,9}](Z|±hh:mm|±hhmm|±hh)} without a formatter; null for any
     * other shape (the formatter then decides).
     */
    static Instant parseFast(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            int count = i - start;
            if (count < 1 || count > 9) {
                return null;
            }
            nanos = digits(s, start, count);
            for (int k = count; k < 9; k++) {
                nanos *= 10;
            }
        }
        if (i >= n) {
            return null;
        }
        int offsetSeconds;
        char sign = s.charAt(i);
        if (sign == 'Z' && i + 1 == n) {
            offsetSeconds = 0;
        } else if (sign == '+' || sign == '-') {
            int rest = n - i - 1;
            int oh = rest >= 2 ? digits(s, i + 1, 2) : -1;
            int om;
            if (rest == 2) {
                om = 0;
            } else if (rest == 5 && s.charAt(i + 3) == ':') {
                om = digits(s, i + 4, 2);
            } else if (rest == 4) {
                om = digits(s, i + 3, 2);
            } else {
                return null;
            }
            if (oh < 0 || oh > 18 || om < 0 || om > 59 || (oh == 18 && om > 0)) {
                return null;
            }
            offsetSeconds = (oh * 3600 + om * 60) * (sign == '-' ? -1 : 1);
        } else {
            return null;
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        long epochSecond = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    @Override
    public TagName tagName() {
        return TagName.EXT_X_PROGRAM_DATE_TIME;
    }

    @Override
    public void appendTo(StringBuilder out) {
        out.append("#EXT-X-PROGRAM-DATE-TIME:").append(value);
    }
}

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
 * @param value the date-time as written, e.g. {@code 2010-02-19T14:54:23.031+08:00}
 *
 * <p>Immutable and thread-safe.
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
        try {
            return OffsetDateTime.parse(text, FORMAT).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
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

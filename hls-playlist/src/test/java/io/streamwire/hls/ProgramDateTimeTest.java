package io.streamwire.hls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgramDateTimeTest {

    @ParameterizedTest
    @CsvSource({
        "2010-02-19T14:54:23.031+08:00, 2010-02-19T06:54:23.031Z",
        "2019-02-14T02:13:36.106Z, 2019-02-14T02:13:36.106Z",
        "2024-01-01T00:00:00+0100, 2023-12-31T23:00:00Z",
        "2024-01-01T00:00:00-05, 2024-01-01T05:00:00Z",
        "2024-02-29T23:59:59.123456789Z, 2024-02-29T23:59:59.123456789Z",
        "2024-01-01t00:00z, 2024-01-01T00:00:00Z",
    })
    void parsesTheFormsSeenInTheWild(String text, String instant) {
        assertThat(new ProgramDateTime(text).instant()).isEqualTo(Instant.parse(instant));
    }

    static Instant formatter(String text) {
        try {
            return OffsetDateTime.parse(text, ProgramDateTime.FORMAT).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Provide
    Arbitrary<String> dates() {
        Arbitrary<String> two = Arbitraries.integers().between(0, 99).map(i -> String.format("%02d", i));
        Arbitrary<String> year = Arbitraries.integers().between(0, 9999).map(i -> String.format("%04d", i));
        Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMaxLength(11).map(f -> f.isEmpty() ? "" : "." + f);
        Arbitrary<String> zone = Arbitraries.of("Z", "+", "-", "z", "").flatMap(z -> z.equals("+") || z.equals("-")
                ? Combinators.combine(two, two, Arbitraries.of(":", "", "x")).as((h, m, sep) -> z + h + (sep.equals("x") ? "" : sep + m))
                : Arbitraries.just(z));
        return Combinators.combine(year, two, two, two, two, two, fraction, zone)
                .as((y, mo, d, h, mi, s, f, z) -> y + "-" + mo + "-" + d + "T" + h + ":" + mi + ":" + s + f + z);
    }

    @Property(tries = 3000)
    void fastPathAgreesWithTheFormatter(@ForAll("dates") String text) {
        Instant fast = ProgramDateTime.parseFast(text);
        if (fast != null) {
            assertThat(fast).as(text).isEqualTo(formatter(text));
        }
        assertThat(ProgramDateTime.parseOrNull(text)).as(text).isEqualTo(formatter(text));
    }
}

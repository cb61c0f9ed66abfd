package io.streamwire.hls;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LineKindTest {

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "#EXTM3U|TAG",
        "#EXTINF:10.0,|TAG",
        "#EXT-X-STREAM-INF:BANDWIDTH=1280000|TAG",
        "#EXT|TAG",
        "# a comment|COMMENT",
        "#EX|COMMENT",
        "#ext-x-version:3|COMMENT",
        "segment0.ts|URI",
        "https://example.com/low/index.m3u8|URI",
        "  seg.ts|URI",
        "''|BLANK",
        "   |BLANK",
    })
    void classifies(String line, LineKind kind) {
        assertThat(LineKind.of(line)).isEqualTo(kind);
    }

    @Test
    void exceptionCarriesLineAndColumn() {
        PlaylistException e = new PlaylistException("EXT-X-TARGETDURATION", "is missing", 120, 4, 1, "RFC 8216 §4.3.3.1");
        assertThat(e.getMessage()).isEqualTo("EXT-X-TARGETDURATION is missing at line 4, column 1 at offset 120; RFC 8216 §4.3.3.1");
        assertThat(e.module()).isEqualTo("hls");
        assertThat(e.field()).isEqualTo("EXT-X-TARGETDURATION");
        assertThat(e.specRef()).isEqualTo("RFC 8216 §4.3.3.1");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.offset()).isEqualTo(120);
    }

    @Property
    void everyLineHasExactlyTheKindItsPrefixSays(@ForAll String line) {
        LineKind kind = LineKind.of(line);
        if (line.startsWith("#EXT")) {
            assertThat(kind).isEqualTo(LineKind.TAG);
        } else if (line.startsWith("#")) {
            assertThat(kind).isEqualTo(LineKind.COMMENT);
        } else if (line.chars().allMatch(c -> c == ' ' || c == '\t')) {
            assertThat(kind).isEqualTo(LineKind.BLANK);
        } else {
            assertThat(kind).isEqualTo(LineKind.URI);
        }
    }
}

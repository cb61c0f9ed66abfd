package io.streamwire.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.LimitExceededException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttributeListTest {

    /** One case table: text, attribute, expected type accepted. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "BANDWIDTH=18446744073709551615|BANDWIDTH|DECIMAL_INTEGER",
        "IV=0x0123456789abcdef0123456789ABCDEF|IV|HEXADECIMAL_SEQUENCE",
        "DURATION=59.993|DURATION|DECIMAL_FLOAT",
        "TIME-OFFSET=-2.5|TIME-OFFSET|SIGNED_DECIMAL_FLOAT",
        "URI=\"a,b=c\"|URI|QUOTED_STRING",
        "METHOD=AES-128|METHOD|ENUMERATED_STRING",
        "RESOLUTION=1920x1080|RESOLUTION|DECIMAL_RESOLUTION",
    })
    void everyValueTypeParsesAndWritesBack(String text, String name, AttributeType type) {
        AttributeList list = AttributeList.parse(text);
        Attribute a = list.find(name);
        assertThat(type.accepts(a.value(), a.quoted())).isTrue();
        assertThat(list.toString()).isEqualTo(text);
    }

    @Test
    void typedReads() {
        AttributeList a = AttributeList.parse("BANDWIDTH=18446744073709551615,X-FOO=\"bar\",IV=0x0A0b,FRAME-RATE=29.970,"
                + "RESOLUTION=416x234,TIME-OFFSET=-3,CODECS=\"avc1.4d401f,mp4a.40.2\"");
        assertThat(a.decimalInteger("BANDWIDTH", 0)).isEqualTo(-1L); // 2^64-1 as unsigned
        assertThat(Long.toUnsignedString(a.decimalInteger("BANDWIDTH", 0))).isEqualTo("18446744073709551615");
        assertThat(a.hexadecimalSequence("IV")).containsExactly(0x0a, 0x0b);
        assertThat(a.decimalFloat("FRAME-RATE")).isEqualTo(29.97);
        assertThat(a.decimalFloat("TIME-OFFSET")).isEqualTo(-3.0);
        assertThat(a.resolution("RESOLUTION")).isEqualTo(new Resolution(416, 234));
        assertThat(a.quotedString("CODECS")).isEqualTo("avc1.4d401f,mp4a.40.2");
        assertThat(a.quotedString("X-FOO")).isEqualTo("bar");
        assertThat(a.asList()).extracting(Attribute::name)
                .containsExactly("BANDWIDTH", "X-FOO", "IV", "FRAME-RATE", "RESOLUTION", "TIME-OFFSET", "CODECS");
        assertThat(a.decimalInteger("MISSING", 7)).isEqualTo(7);
        assertThat(a.decimalFloat("CODECS")).isNaN();
    }

    @Test
    void tooLargeIntegerIsNotADecimalInteger() {
        assertThat(AttributeType.DECIMAL_INTEGER.accepts("18446744073709551616", false)).isFalse();
        assertThat(AttributeType.DECIMAL_INTEGER.accepts("184467440737095516150", false)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "URI=\"abc|URI|5",
        "=1|AttributeName|1",
        "A=1,|AttributeList|4",
        "A|A|2",
        "a=1|AttributeName|1",
        "A=|A|3",
        "A=\"x\"y|A|6",
    })
    void strictErrorsNameTheFieldAndColumn(String text, String field, int column) {
        assertThatThrownBy(() -> AttributeList.parse(text)).isInstanceOfSatisfying(PlaylistException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.column()).isEqualTo(column);
            assertThat(e.specRef()).isEqualTo("RFC 8216bis §4.2");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "URI=\"abc|4",
        "=1|0",
        "A=1,|3",
        "A|1",
        "a=1|0",
        "A=|2",
        "A=\"x\"y|5",
    })
    void strictErrorsHaveTheIndexInTheTextAsOffset(String text, int index) {
        assertThatThrownBy(() -> AttributeList.parse(text))
                .isInstanceOfSatisfying(PlaylistException.class, e -> {
                    assertThat(e.offset()).isEqualTo(index);
                    assertThat(e.column()).isEqualTo(index + 1);
                    assertThat(e.getMessage()).endsWith("at offset " + index + "; RFC 8216bis §4.2");
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        // text | field | index of the first white space
        "A=1, B=2|AttributeName|4",
        "A =1|A|1",
        "A= 1|A|2",
        "A=x y|A|3",
        "'A=1 '|A|3",
        "A=\"x\" ,B=1|A|5",
        "'A=\"x y\",B=1\t'|B|11",
    })
    void whiteSpaceOutsideQuotedStringsIsAStrictError(String text, String field, int index) {
        assertThatThrownBy(() -> AttributeList.parse(text)).isInstanceOfSatisfying(PlaylistException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.offset()).isEqualTo(index);
            assertThat(e.column()).isEqualTo(index + 1);
            assertThat(e.getMessage()).contains("white space");
        });
        // lenient: accepted, and the first white space is noted for the playlist's diagnostic
        int[] whiteSpace = {-2};
        AttributeList.parse(text, false, 10, whiteSpace);
        assertThat(whiteSpace[0]).isEqualTo(index);
    }

    @Test
    void lenientNotesNoWhiteSpaceInsideQuotedStrings() {
        int[] whiteSpace = {-2};
        AttributeList a = AttributeList.parse("A=\"x y\",,B=1", false, 10, whiteSpace);
        assertThat(a).isEqualTo(AttributeList.builder().quoted("A", "x y").enumerated("B", "1").build());
        assertThat(whiteSpace[0]).isEqualTo(-1);
    }

    @Test
    void lenientSkipsWhiteSpace() {
        AttributeList a = AttributeList.parse(" A = 1 , B=\"x\" ,,", false, 10);
        assertThat(a).isEqualTo(AttributeList.builder().enumerated("A", "1").quoted("B", "x").build());
    }

    @Test
    void attributeCountIsLimited() {
        String many = "A=1,".repeat(300) + "A=1";
        assertThatThrownBy(() -> AttributeList.parse(many, true, 256)).isInstanceOfSatisfying(LimitExceededException.class, e -> {
            assertThat(e.limitName()).isEqualTo("PlaylistLimits.maxAttributes()");
            assertThat(e.module()).isEqualTo("hls");
            assertThat(e.limit()).isEqualTo(256);
            assertThat(e.actual()).isEqualTo(257);
            assertThat(e.offset()).as("index of attribute 257").isEqualTo(256 * 4);
        });
        // inside a playlist: the line, and the offset of that attribute in the playlist
        String text = "#EXTM3U\n#EXT-X-KEY:METHOD=NONE," + many + "\n";
        assertThatThrownBy(() -> PlaylistParser.lenient().parse(text)).isInstanceOfSatisfying(LimitExceededException.class, e -> {
            assertThat(e.field()).isEqualTo("line 2 EXT-X-KEY attribute count");
            assertThat(e.offset()).isEqualTo("#EXTM3U\n#EXT-X-KEY:".length() + 255 * 4 + "METHOD=NONE,".length());
        });
    }

    @Test
    void builderWritesNumbersWithoutFloatNoise() {
        AttributeList a = AttributeList.builder().decimal("D", 0.1 + 0.2).decimal("E", 6.0).decimal("F", 1e-7)
                .hex("IV", new byte[] {1, (byte) 0xff}).resolution("R", 640, 360).build();
        assertThat(a.toString()).isEqualTo("D=0.30000000000000004,E=6,F=0.0000001,IV=0x01ff,R=640x360");
    }

    @Provide
    Arbitrary<List<Attribute>> attributes() {
        Arbitrary<String> names = Arbitraries.strings().withChars("ABCXYZ019-").ofMinLength(1).ofMaxLength(8);
        Arbitrary<Attribute> quoted = Combinators.combine(names,
                Arbitraries.strings().ofMaxLength(12).filter(s -> s.chars().noneMatch(c -> c == '"' || c == '\n' || c == '\r')))
                .as(Attribute::quoted);
        Arbitrary<Attribute> unquoted = Combinators.combine(names,
                Arbitraries.strings().withChars("0123456789.x-ABCabc").ofMinLength(1).ofMaxLength(10)).as(Attribute::unquoted);
        return Arbitraries.oneOf(quoted, unquoted).list().ofMaxSize(12);
    }

    @Property
    void writeThenParseGivesTheSameList(@ForAll("attributes") List<Attribute> attributes) {
        AttributeList list = AttributeList.of(attributes);
        assertThat(AttributeList.parse(list.toString())).isEqualTo(list);
    }

    @Property
    void arbitraryTextOnlyEverRaisesPlaylistException(@ForAll String text) {
        try {
            AttributeList.parse(text, false, 256).toString();
            AttributeList.parse(text);
        } catch (PlaylistException | LimitExceededException expected) {
            assertThat(expected.getMessage()).isNotEmpty();
            assertThat(expected.module()).isEqualTo("hls");
        }
    }
}

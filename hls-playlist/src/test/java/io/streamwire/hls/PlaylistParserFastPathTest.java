package io.streamwire.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The byte parser's shortcuts (URI and EXTINF lines read straight from ASCII bytes, one string per
 * distinct duration, segments built while parsing, line kinds handed to the validator) give the same
 * result as the text parser, which takes none of them, and as rebuilding the segments from the lines.
 */
class PlaylistParserFastPathTest {
    private static final String[] DURATIONS = {"6", "6.0", "6.006", "6.006000", "5.005000", "10.010000", "0.5",
        "6.0060001234567", "6.00600012345678", "7.00600012345678", "6.006000123456789", "1.", "12", "3.333333", "3.3333335"};
    private static final byte[] NOISE = " \t\r#,.:\"x9".getBytes(StandardCharsets.US_ASCII);

    private static String playlist(Random r, int segments) {
        StringBuilder b = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:" + (6 + r.nextInt(2)) + "\n");
        if (r.nextBoolean()) {
            b.append("#EXT-X-MEDIA-SEQUENCE:").append(r.nextInt(100)).append('\n');
        }
        for (int i = 0; i < segments; i++) {
            if (r.nextInt(10) == 0) {
                b.append("#EXT-X-PROGRAM-DATE-TIME:2024-01-01T00:00:0").append(r.nextInt(10)).append(".000Z\n");
            }
            if (r.nextInt(15) == 0) {
                b.append("#EXT-X-DISCONTINUITY\n");
            }
            if (r.nextInt(20) == 0) {
                b.append("#EXT-X-MEDIA-SEQUENCE:7\n"); // after segments: the segments are rebuilt from the lines
            }
            b.append("#EXTINF:").append(DURATIONS[r.nextInt(DURATIONS.length)]).append(',');
            if (r.nextInt(4) == 0) {
                b.append("title ").append(i);
            }
            b.append(r.nextInt(8) == 0 ? "\r\n" : "\n");
            b.append("https://cdn.example.com/v/seg_").append(i).append(".ts");
            b.append(r.nextInt(8) == 0 ? "\r\n" : "\n");
        }
        if (r.nextBoolean()) {
            b.append("#EXT-X-ENDLIST\n");
        }
        return b.toString();
    }

    private static void assertSameAsText(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1); // ASCII input: same offsets
        ParseResult fromBytes = PlaylistParser.lenient().parse(bytes);
        ParseResult fromText = PlaylistParser.lenient().parse(text);
        assertThat(fromBytes).isEqualTo(fromText);
        if (fromBytes.playlist() instanceof MediaPlaylist m) {
            MediaPlaylist t = (MediaPlaylist) fromText.playlist();
            assertThat(m.segments()).isEqualTo(t.segments());
            assertThat(m.trailingParts()).isEqualTo(t.trailingParts());
            assertThat(m.segments()).isEqualTo(MediaPlaylist.of(m.lines()).segments());
        }
        Throwable strictBytes = catchThrowable(() -> PlaylistParser.strict().parse(bytes));
        Throwable strictText = catchThrowable(() -> PlaylistParser.strict().parse(text));
        assertThat(String.valueOf(strictBytes)).isEqualTo(String.valueOf(strictText));
    }

    @Property(tries = 300)
    void generatedPlaylistsParseAsTheirText(@ForAll long seed, @ForAll @IntRange(min = 0, max = 60) int segments) {
        assertSameAsText(playlist(new Random(seed), segments).getBytes(StandardCharsets.US_ASCII));
    }

    @Property(tries = 500)
    void mutatedPlaylistsParseAsTheirText(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int edits) {
        Random r = new Random(seed);
        byte[] bytes = playlist(r, 1 + r.nextInt(20)).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < edits; i++) {
            bytes[r.nextInt(bytes.length)] = NOISE[r.nextInt(NOISE.length)];
        }
        int cut = r.nextInt(bytes.length + 1); // also ends a line at the last bytes of the array
        assertSameAsText(java.util.Arrays.copyOf(bytes, cut));
        assertSameAsText(bytes);
    }

    @Test
    void everyDurationKeepsItsText() {
        StringBuilder b = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:12\n");
        for (int i = 0; i < 3; i++) {
            for (String d : DURATIONS) {
                b.append("#EXTINF:").append(d).append(",\ns.ts\n");
            }
        }
        b.append("#EXTINF:9.9,"); // the last bytes of the input
        b.append("\nlast.ts");
        MediaPlaylist p = (MediaPlaylist) PlaylistParser.lenient().parse(b.toString().getBytes(StandardCharsets.US_ASCII))
                .playlist();
        for (int i = 0; i < 3 * DURATIONS.length; i++) {
            MediaSegment s = p.segments().get(i);
            assertThat(s.duration()).isEqualTo(DURATIONS[i % DURATIONS.length]);
            assertThat(s.durationMicros()).isEqualTo(Decimals.parseMicros(DURATIONS[i % DURATIONS.length]));
        }
        assertThat(p.segments().get(3 * DURATIONS.length).duration()).isEqualTo("9.9");
    }
}

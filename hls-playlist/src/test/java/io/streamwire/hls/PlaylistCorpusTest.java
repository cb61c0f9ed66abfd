package io.streamwire.hls;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.testkit.Corpus;
import io.streamwire.testkit.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The peer suites under ../shared/corpus (interop profile only): every playlist parses leniently,
 * parse→write→parse is the identity and writing is a fixpoint; videojs playlists compared with their
 * expected JSON; RFC 8216 §8 examples with their expected facts.
 */
@Tag("interop")
class PlaylistCorpusTest {

    static final List<String> SUITES = List.of("videojs-m3u8-parser", "rfc8216-examples", "grafov-m3u8", "rutgersc-m3u8-rs",
            "carlanton-m3u8-parser", "eyevinn-hls-vodtolive");

    static List<Path> playlists(String suite) throws IOException {
        try (Stream<Path> files = Files.walk(Corpus.resolve(suite))) {
            return files.filter(p -> p.toString().endsWith(".m3u8") || p.toString().endsWith(".m3u")).sorted().toList();
        }
    }

    @Test
    void everyPlaylistParsesLenientlyAndRoundTrips() throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Integer> strictFindings = new TreeMap<>();
        for (String suite : SUITES) {
            List<Path> files = playlists(suite);
            assertThat(files).as(suite).isNotEmpty();
            for (Path file : files) {
                byte[] bytes = Files.readAllBytes(file);
                ParseResult r = PlaylistParser.lenient().parse(bytes);
                String written = r.playlist().write();
                ParseResult again = PlaylistParser.lenient().parse(written);
                assertThat(again.playlist()).as(file.toString()).isEqualTo(r.playlist());
                assertThat(again.playlist().write()).as(file.toString()).isEqualTo(written);
                assertThat(PlaylistDecoderTest.decodeInSevens(PlaylistParser.lenient(), bytes)).as(file.toString()).isEqualTo(PlaylistDecoderTest.Decoded.of(r));
                for (Diagnostic d : r.diagnostics()) {
                    strictFindings.merge(d.field() + " " + d.problem().replaceAll("'[^']*'|[0-9.]+", "…"), 1, Integer::sum);
                }
                try {
                    PlaylistParser.strict().parse(bytes);
                    counts.merge(suite + " strict-clean", 1, Integer::sum);
                } catch (PlaylistException e) {
                    assertThat(e.line()).isPositive();
                    counts.merge(suite + " strict-rejected", 1, Integer::sum);
                }
                counts.merge(suite, 1, Integer::sum);
            }
        }
        System.out.println("[corpus] playlists per suite: " + counts);
        strictFindings.forEach((k, v) -> System.out.println("[corpus] lenient finding x" + v + ": " + k));
        assertThat(counts.get("videojs-m3u8-parser")).isEqualTo(60);
        assertThat(counts.get("eyevinn-hls-vodtolive")).isEqualTo(226);
    }
}

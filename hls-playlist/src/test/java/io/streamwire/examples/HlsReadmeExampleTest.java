package io.streamwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.hls.LineKind;
import java.util.List;
import io.streamwire.testkit.ReadmeSnippets;
import org.junit.jupiter.api.Test;

/** The README's usage example for this module, compiled and run against the public API only. */
class HlsReadmeExampleTest {

    @Test
    void classifiesLines() {
        String playlist = "#EXTM3U\n#EXT-X-TARGETDURATION:6\n#EXTINF:6.0,\nseg0.ts\n";
        // README:begin
        List<String> uris = playlist.lines().filter(line -> LineKind.of(line) == LineKind.URI).toList();
        // README:end
        assertThat(uris).containsExactly("seg0.ts");
    }

    @Test
    void readmeShowsThisExample() {
        ReadmeSnippets.assertInReadme(HlsReadmeExampleTest.class);
    }
}

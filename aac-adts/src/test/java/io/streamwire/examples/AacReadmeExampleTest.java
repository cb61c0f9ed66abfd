package io.streamwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.aac.AdtsHeader;
import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import io.streamwire.testkit.ReadmeSnippets;
import org.junit.jupiter.api.Test;

/** The README's usage example for this module, compiled and run against the public API only. */
class AacReadmeExampleTest {

    @Test
    void walksAnAdtsFile(@TempDir Path dir) throws Exception {
        Path file = Fixtures.copyTo("adts/sine-44100-stereo.aac", dir);
        // README:begin
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
        int frames = 0;
        while (in.hasRemaining()) {
            int frameStart = in.position();
            AdtsHeader header = AdtsHeader.parse(in); // AacException(offset, field) on bad input
            frames++;
            in.position(frameStart + header.aacFrameLength()); // next frame
        }
        // README:end
        long ffprobePackets = Fixtures.lines("adts/sine-44100-stereo.aac.packets.csv").stream()
                .filter(l -> !l.startsWith("#")).count();
        assertThat(frames).isEqualTo((int) ffprobePackets);
    }

    @Test
    void readmeShowsThisExample() {
        ReadmeSnippets.assertInReadme(AacReadmeExampleTest.class);
    }
}

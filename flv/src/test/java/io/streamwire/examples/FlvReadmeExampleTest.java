package io.streamwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.flv.FlvHeader;
import java.nio.ByteBuffer;
import io.streamwire.testkit.ReadmeSnippets;
import org.junit.jupiter.api.Test;

/** The README's usage example for this module, compiled and run against the public API only. */
class FlvReadmeExampleTest {

    @Test
    void writesAndReadsAHeader() {
        // README:begin
        ByteBuffer out = ByteBuffer.allocate(FlvHeader.LENGTH);
        FlvHeader.of(true, true).writeTo(out); // "FLV", version 1, audio + video, DataOffset 9
        FlvHeader header = FlvHeader.parse(out.flip()); // FlvException(offset, field) on bad input
        // README:end
        assertThat(header.typeFlagsAudio()).isTrue();
        assertThat(header.typeFlagsVideo()).isTrue();
        assertThat(header.dataOffset()).isEqualTo(9);
    }

    @Test
    void readmeShowsThisExample() {
        ReadmeSnippets.assertInReadme(FlvReadmeExampleTest.class);
    }
}

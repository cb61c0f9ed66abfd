package io.streamwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.rtmp.ChunkBasicHeader;
import java.nio.ByteBuffer;
import io.streamwire.testkit.ReadmeSnippets;
import org.junit.jupiter.api.Test;

/** The README's usage example for this module, compiled and run against the public API only. */
class RtmpReadmeExampleTest {

    @Test
    void readsABasicHeader() {
        ByteBuffer received = ByteBuffer.wrap(new byte[] {(byte) 0xC1, 0x00});
        // README:begin
        ChunkBasicHeader basic = ChunkBasicHeader.tryParse(received);
        if (basic == null) {
            // the 1-3 byte header is incomplete: keep the bytes and wait for more input
        }
        // README:end
        assertThat(basic).isNull();
        assertThat(received.position()).isZero();
        received = ByteBuffer.wrap(new byte[] {(byte) 0xC1, 0x00, 0x01});
        assertThat(ChunkBasicHeader.tryParse(received)).isEqualTo(new ChunkBasicHeader(3, 320));
    }

    @Test
    void readmeShowsThisExample() {
        ReadmeSnippets.assertInReadme(RtmpReadmeExampleTest.class);
    }
}

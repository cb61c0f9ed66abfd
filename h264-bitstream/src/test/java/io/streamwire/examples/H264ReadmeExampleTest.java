package io.streamwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.h264.NalUnitHeader;
import java.nio.ByteBuffer;
import io.streamwire.testkit.ReadmeSnippets;
import org.junit.jupiter.api.Test;

/** The README's usage example for this module, compiled and run against the public API only. */
class H264ReadmeExampleTest {

    @Test
    void readsANalHeader() {
        ByteBuffer annexB = ByteBuffer.wrap(new byte[] {0, 0, 0, 1, 0x67, 0x64, 0x00, 0x1F});
        annexB.position(4); // after the start code
        // README:begin
        NalUnitHeader nal = NalUnitHeader.parse(annexB);
        boolean isSps = nal.nalUnitType() == NalUnitHeader.TYPE_SPS; // 7
        // README:end
        assertThat(isSps).isTrue();
        assertThat(nal.nalRefIdc()).isEqualTo(3);
    }

    @Test
    void readmeShowsThisExample() {
        ReadmeSnippets.assertInReadme(H264ReadmeExampleTest.class);
    }
}

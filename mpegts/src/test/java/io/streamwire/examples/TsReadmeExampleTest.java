package io.streamwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.mpegts.TsPacketHeader;
import java.nio.ByteBuffer;
import io.streamwire.testkit.ReadmeSnippets;
import org.junit.jupiter.api.Test;

/** The README's usage example for this module, compiled and run against the public API only. */
class TsReadmeExampleTest {

    @Test
    void readsPacketHeaders() {
        ByteBuffer ts = ByteBuffer.allocate(2 * 188);
        new TsPacketHeader(false, true, false, 0, 0, 1, 0).writeTo(ts.position(0));
        new TsPacketHeader(false, true, false, 256, 0, 1, 0).writeTo(ts.position(188));
        ts.clear();
        int[] packetsPerPid = new int[8192];
        // README:begin
        for (int at = ts.position(); at + 188 <= ts.limit(); at += 188) {
            TsPacketHeader header = TsPacketHeader.parse(ts.position(at)); // TsException on lost sync
            packetsPerPid[header.pid()]++;
        }
        // README:end
        assertThat(packetsPerPid[0]).isEqualTo(1);
        assertThat(packetsPerPid[256]).isEqualTo(1);
    }

    @Test
    void readmeShowsThisExample() {
        ReadmeSnippets.assertInReadme(TsReadmeExampleTest.class);
    }
}

package io.streamwire.rtmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.testkit.NginxRtmp;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the interop setup for RTMP: nginx with the RTMP module starts on loopback and completes
 * the simple handshake of RTMP 1.0 §5.2 (C0/C1 → S0/S1/S2 → C2).
 */
@Tag("interop")
class NginxRtmpSmokeTest {

    @Test
    void nginxAnswersASimpleHandshake(@TempDir Path dir) throws Exception {
        try (NginxRtmp nginx = NginxRtmp.start(dir); Socket socket = new Socket("127.0.0.1", nginx.port())) {
            socket.setSoTimeout(10_000);
            byte[] c1 = new byte[1536];
            new Random(7).nextBytes(c1);
            java.util.Arrays.fill(c1, 0, 8, (byte) 0); // time 0, zero field 0: the simple scheme
            OutputStream out = socket.getOutputStream();
            out.write(3); // C0: RTMP version 3
            out.write(c1);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            assertThat(in.readUnsignedByte()).as("S0 version").isEqualTo(3);
            byte[] s1 = new byte[1536];
            in.readFully(s1);
            byte[] s2 = new byte[1536];
            in.readFully(s2);
            assertThat(java.util.Arrays.copyOfRange(s2, 8, 1536)).as("S2 echoes C1's random bytes")
                    .isEqualTo(java.util.Arrays.copyOfRange(c1, 8, 1536));
            out.write(s1); // C2 echoes S1
            out.flush();
        }
    }
}

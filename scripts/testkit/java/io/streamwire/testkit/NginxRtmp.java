package io.streamwire.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * nginx with the RTMP module (Debian {@code nginx} + {@code libnginx-mod-rtmp}) started in the
 * foreground on a free loopback port with its own prefix, for live interop tests. Application
 * {@code live} has {@code live on; record all;} into {@link #recordDir()}. Closing stops it.
 *
 * <p>Not thread-safe; one per test.
 */
public final class NginxRtmp implements AutoCloseable {
    private static final List<String> MODULE_PATHS = List.of(
            "/usr/lib/nginx/modules/ngx_rtmp_module.so", "/usr/share/nginx/modules/ngx_rtmp_module.so");

    private final Process process;
    private final int port;
    private final Path dir;

    private NginxRtmp(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** Starts nginx-rtmp under {@code dir} and waits until it accepts connections (at most 10 s). */
    public static NginxRtmp start(Path dir) {
        Path nginx = ExternalTools.require("nginx", "nginx");
        Path module = MODULE_PATHS.stream().map(Path::of).filter(Files::isRegularFile).findFirst()
                .orElseGet(() -> fail("ngx_rtmp_module.so not found in " + MODULE_PATHS + ": apt-get install libnginx-mod-rtmp"));
        try {
            int port = freePort();
            Path record = Files.createDirectories(dir.resolve("record"));
            Files.createDirectories(dir.resolve("logs"));
            String conf = String.join("\n",
                    "load_module " + module + ";",
                    "daemon off;",
                    "master_process off;",
                    "worker_processes 1;",
                    "pid " + dir.resolve("nginx.pid") + ";",
                    "error_log " + dir.resolve("logs/error.log") + " info;",
                    "events { worker_connections 64; }",
                    "rtmp {",
                    "  server {",
                    "    listen 127.0.0.1:" + port + ";",
                    "    chunk_size 4096;",
                    "    application live {",
                    "      live on;",
                    "      record all;",
                    "      record_path " + record + ";",
                    "    }",
                    "  }",
                    "}", "");
            Path confFile = dir.resolve("nginx.conf");
            Files.writeString(confFile, conf);
            Process process = new ProcessBuilder(nginx.toString(), "-p", dir.toString(), "-c", confFile.toString(),
                    "-e", dir.resolve("logs/error.log").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("logs/stdout.log").toFile()).start();
            NginxRtmp server = new NginxRtmp(process, port, dir);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    return fail("nginx exited " + process.exitValue() + ": " + server.log());
                }
                try (Socket probe = new Socket()) {
                    probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return server;
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            server.close();
            return fail("nginx did not listen on 127.0.0.1:" + port + " within 10 s: " + server.log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The loopback port nginx listens on. */
    public int port() {
        return port;
    }

    /** {@code rtmp://127.0.0.1:PORT/live/<key>}. */
    public String url(String streamKey) {
        return "rtmp://127.0.0.1:" + port + "/live/" + streamKey;
    }

    /** Where {@code record all} writes its FLV files. */
    public Path recordDir() {
        return dir.resolve("record");
    }

    /** nginx's error log so far. */
    public String log() {
        try {
            Path log = dir.resolve("logs/error.log");
            return Files.exists(log) ? Files.readString(log) : "(no log)";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Stops nginx (SIGTERM, then SIGKILL after 5 s). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A port that was free on loopback a moment ago. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

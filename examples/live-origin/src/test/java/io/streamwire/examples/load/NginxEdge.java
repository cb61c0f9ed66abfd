package io.streamwire.examples.load;

import static org.assertj.core.api.Assertions.fail;

import io.streamwire.testkit.ExternalTools;
import io.streamwire.testkit.NginxRtmp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/**
 * nginx started with {@code load/nginx-edge.conf} (the module's caching edge template) on a free
 * loopback port, in front of an origin's HTTP port, everything under its own prefix. Closing stops it.
 *
 * <p>Not thread-safe; one per test.
 */
final class NginxEdge implements AutoCloseable {
    /** The template, relative to the module directory (Surefire's working directory). */
    static final Path TEMPLATE = Path.of("load", "nginx-edge.conf");

    private final Process process;
    private final int port;
    private final Path dir;

    private NginxEdge(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** Fills in the template and starts nginx; waits at most 10 s until it accepts connections. */
    static NginxEdge start(Path dir, int originHttpPort) {
        Path nginx = ExternalTools.require("nginx", "nginx");
        try {
            Files.createDirectories(dir);
            // Started as root, the workers run as "nobody" and must reach the cache directory:
            // open the prefix and its parent (a test's @TempDir, created 0700) for traversal.
            for (Path p : new Path[] {dir.getParent(), dir}) {
                if (p != null) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
            int port = NginxRtmp.freePort();
            String conf = Files.readString(TEMPLATE).replace("@PREFIX@", dir.toString())
                    .replace("@EDGE_PORT@", Integer.toString(port)).replace("@ORIGIN@", "127.0.0.1:" + originHttpPort)
                    .replace("@WORKERS@", "1");
            Path confFile = dir.resolve("nginx.conf");
            Files.writeString(confFile, conf);
            Process process = new ProcessBuilder(nginx.toString(), "-p", dir.toString(), "-c", confFile.toString(),
                    "-e", dir.resolve("error.log").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
            NginxEdge edge = new NginxEdge(process, port, dir);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    return fail("nginx exited " + process.exitValue() + ": " + edge.log());
                }
                try (Socket probe = new Socket()) {
                    probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return edge;
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            edge.close();
            return fail("nginx edge did not listen on 127.0.0.1:" + port + " within 10 s: " + edge.log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT}. */
    String base() {
        return "http://127.0.0.1:" + port;
    }

    String log() {
        try {
            Path log = dir.resolve("error.log");
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
}

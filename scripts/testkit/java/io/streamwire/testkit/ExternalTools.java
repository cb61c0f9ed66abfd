package io.streamwire.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Finds and runs the external referees of the interop profile (ffmpeg, ffprobe, nginx).
 *
 * <p>A missing tool fails the test with the Debian package to install: interop tests never skip.
 * Every run is bounded in time and killed when it overruns.
 *
 * <p>Thread-safe.
 */
public final class ExternalTools {
    private ExternalTools() {}

    /** Output of a finished process. */
    public record Result(int exitCode, String stdout, String stderr) {
        /** Fails the test unless the process exited 0. */
        public Result requireSuccess(List<String> command) {
            if (exitCode != 0) {
                fail(command + " exited " + exitCode + ":\n" + stderr);
            }
            return this;
        }
    }

    /**
     * Returns the absolute path of {@code tool} on PATH, or fails the test naming the package.
     *
     * @param tool executable name, e.g. {@code ffprobe}
     * @param debianPackage the package that provides it, e.g. {@code ffmpeg}
     */
    public static Path require(String tool, String debianPackage) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, tool);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return fail(tool + " is not installed; the interop profile needs it: apt-get install "
                + debianPackage + " (or run .ci/run, which installs it)");
    }

    /** Runs {@code command}, waits at most {@code timeoutSeconds}, and returns its output. */
    public static Result run(long timeoutSeconds, List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            CompletableFuture<String> out = drain(process.getInputStream());
            CompletableFuture<String> err = drain(process.getErrorStream());
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                return fail(command + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}

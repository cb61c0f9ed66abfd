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
 * Finds and runs the external referees of the interop profile (ffmpeg, ffprobe, nginx, and the
 * static ffmpeg 7.0 for Enhanced FLV/RTMP).
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

    /** Environment variable naming the ffmpeg 7 binary; when set it wins over the imageio-ffmpeg lookup. */
    public static final String FFMPEG7_ENV = "STREAMWIRE_FFMPEG7";

    private static volatile Path ffmpeg7;

    /**
     * Returns the static ffmpeg 7.0 binary (Enhanced FLV/RTMP: HEVC and AV1 in FLV, which Debian's
     * ffmpeg 5.1 cannot write or read), or fails the test: it never skips.
     *
     * <p>The path is {@code $STREAMWIRE_FFMPEG7} when set, else what
     * {@code python3 -c 'import imageio_ffmpeg; print(imageio_ffmpeg.get_ffmpeg_exe())'} prints (pip
     * package {@code imageio-ffmpeg==0.6.0}, which {@code .ci/run} installs). The binary must run and
     * report version 7.
     */
    public static Path requireFfmpeg7() {
        Path known = ffmpeg7;
        if (known != null) {
            return known;
        }
        String hint = " (install it with: python3 -m pip install imageio-ffmpeg==0.6.0, or run .ci/run;"
                + " or set " + FFMPEG7_ENV + " to an ffmpeg 7 binary)";
        String configured = System.getenv(FFMPEG7_ENV);
        Path path;
        if (configured != null && !configured.isBlank()) {
            path = Path.of(configured.trim());
        } else {
            List<String> lookup = List.of("python3", "-c", "import imageio_ffmpeg; print(imageio_ffmpeg.get_ffmpeg_exe())");
            Result r;
            try {
                r = run(60, lookup);
            } catch (UncheckedIOException e) {
                return fail("ffmpeg 7 not found: python3 could not be started: " + e.getCause().getMessage() + hint);
            }
            String out = r.stdout().strip();
            if (r.exitCode() != 0 || out.isEmpty()) {
                return fail("ffmpeg 7 not found: imageio_ffmpeg is not importable (" + r.stderr().strip() + ")" + hint);
            }
            path = Path.of(out.lines().reduce((a, b) -> b).orElseThrow());
        }
        if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
            return fail("ffmpeg 7 not found: " + path + " is not an executable file" + hint);
        }
        List<String> version = List.of(path.toString(), "-hide_banner", "-version");
        Result v = run(60, version);
        String first = v.stdout().lines().findFirst().orElse("");
        if (v.exitCode() != 0 || !first.startsWith("ffmpeg version 7.")) {
            return fail("expected ffmpeg 7 at " + path + ", got: " + first + " (exit " + v.exitCode() + ")" + hint);
        }
        ffmpeg7 = path;
        return path;
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

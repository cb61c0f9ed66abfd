package io.streamwire.examples.origin;

import static org.assertj.core.api.Assertions.fail;

import io.streamwire.testkit.ExternalTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Background ffmpeg/ffprobe processes for the interop tests: output to files, always killed by {@link #close()}. */
final class Procs implements AutoCloseable {
    record Run(Process process, Path stdout, Path stderr, List<String> command) {
        /** Waits at most {@code seconds} for the exit code; kills the process and fails the test on overrun. */
        int await(long seconds) {
            try {
                if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail(command + " did not finish within " + seconds + " s; stderr:\n" + stderrText());
                }
                return process.exitValue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        String stderrText() {
            try {
                return Files.readString(stderr);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String stdoutText() {
            try {
                return Files.readString(stdout);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final Path dir;
    private final List<Run> runs = new ArrayList<>();

    Procs(Path dir) {
        this.dir = dir;
    }

    static String ffmpeg() {
        return ExternalTools.require("ffmpeg", "ffmpeg").toString();
    }

    static String ffprobe() {
        return ExternalTools.require("ffprobe", "ffmpeg").toString();
    }

    /** Starts {@code command} in the background. */
    Run start(List<String> command) {
        try {
            int n = runs.size();
            Path out = dir.resolve("proc-" + n + ".out");
            Path err = dir.resolve("proc-" + n + ".err");
            Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            Run r = new Run(p, out, err, command);
            runs.add(r);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ffmpeg publishing {@code flv} to {@code url}, with extra input options before -i. */
    Run publish(Path flv, String url, String... inputOptions) {
        List<String> c = new ArrayList<>(List.of(ffmpeg(), "-hide_banner", "-nostdin", "-v", "error"));
        c.addAll(List.of(inputOptions));
        c.addAll(List.of("-i", flv.toString(), "-c", "copy", "-f", "flv", url));
        return start(c);
    }

    /** Runs {@code command} to the end (at most {@code seconds}). */
    Run run(long seconds, List<String> command) {
        Run r = start(command);
        r.await(seconds);
        return r;
    }

    @Override
    public void close() {
        for (Run r : runs) {
            if (r.process().isAlive()) {
                r.process().destroyForcibly();
                try {
                    r.process().waitFor(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}

package io.streamwire.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of {@code benchmarks.jar}.
 *
 * <ul>
 *   <li>No arguments: a quick, complete run of every benchmark (1 fork, 2×1 s warm-up, 3×1 s
 *       measurement, {@code -prof gc}), printed by JMH and written as JSON under
 *       {@code benchmarks/results/} (or {@code results/} when not run from the repository root).</li>
 *   <li>Any arguments: passed to JMH unchanged, e.g. {@code -f 1 -wi 4 -w 2s -i 6 -r 2s -prof gc
 *       Adts}.</li>
 * </ul>
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        Path results = Files.isDirectory(Path.of("benchmarks")) ? Path.of("benchmarks", "results") : Path.of("results");
        Files.createDirectories(results);
        Path json = results.resolve("quick-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
        List<String> quick = new ArrayList<>(List.of(
                "-f", "1", "-wi", "2", "-w", "1s", "-i", "3", "-r", "1s", "-prof", "gc",
                "-rf", "json", "-rff", json.toString()));
        System.out.println("Streamwire quick benchmark run; full runs: java -jar benchmarks.jar -f 1 -wi 4 -w 2s -i 6 -r 2s -prof gc");
        System.out.println("JDK " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs; JSON: " + json);
        org.openjdk.jmh.Main.main(quick.toArray(String[]::new));
    }

    /** Reads a fixture bundled in the jar (the modules' committed fixtures). */
    public static byte[] fixture(String relative) {
        try (var in = Main.class.getResourceAsStream("/fixtures/" + relative)) {
            if (in == null) {
                throw new IllegalStateException("fixture missing from benchmarks.jar: " + relative);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

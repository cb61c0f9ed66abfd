package io.streamwire.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Entry point of {@code benchmarks.jar}.
 *
 * <pre>
 * java -jar benchmarks.jar                       quick complete run (1 fork, 2×1 s warm-up, 3×1 s)
 * java -jar benchmarks.jar --full                full run (1 fork, 4×2 s warm-up, 6×2 s)
 * java -jar benchmarks.jar [--quick|--full] [--update-readme] [REGEX...]
 * java -jar benchmarks.jar -f 1 -wi 4 ... REGEX  any JMH flags: passed to JMH unchanged
 * </pre>
 *
 * <p>The presets run every benchmark (or those matching REGEX; without REGEX the quick preset leaves
 * out those marked {@link FullOnly}) with {@code -prof gc}, then the ones
 * marked {@link Scaling} again with 2 threads, print the comparison table ({@link Summary}), and
 * write {@code <mode>-<time>-t1.json}, {@code -t2.json} (JMH's JSON) and {@code <mode>-<time>.md}
 * (machine, JDK and the table) under {@code benchmarks/results/} ({@code results/} when not run
 * from the repository root). {@code --update-readme} rewrites the tables between
 * {@code <!-- bench:AREA -->} and {@code <!-- /bench:AREA -->} in README.md and in every module's
 * README.md, so published figures always come from a run.
 */
public final class Main {
    private static final Pattern MARKER = Pattern.compile("(<!-- bench:([a-z0-9-]+) -->\\n)(.*?)(<!-- /bench:\\2 -->)", Pattern.DOTALL);

    private Main() {}

    public static void main(String[] args) throws Exception {
        boolean full = false;
        boolean updateReadme = false;
        List<String> includes = new ArrayList<>();
        for (String arg : args) {
            switch (arg) {
                case "--quick" -> full = false;
                case "--full" -> full = true;
                case "--update-readme" -> updateReadme = true;
                default -> {
                    if (arg.startsWith("-")) {
                        passThrough(args);
                        return;
                    }
                    includes.add(arg);
                }
            }
        }
        runPreset(full, updateReadme, includes);
    }

    /** Any JMH command line: run it, then print the table for what it measured. */
    private static void passThrough(String[] args) throws Exception {
        CommandLineOptions options = new CommandLineOptions(args);
        if (options.shouldHelp() || options.shouldList() || options.shouldListWithParams() || options.shouldListProfilers()
                || options.shouldListResultFormats()) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        Collection<RunResult> results = new Runner(options).run();
        System.out.println();
        System.out.println(Summary.table(Summary.rows(results), "all"));
    }

    private static void runPreset(boolean full, boolean updateReadme, List<String> includes) throws Exception {
        Path results = Files.isDirectory(Path.of("benchmarks")) ? Path.of("benchmarks", "results") : Path.of("results");
        Files.createDirectories(results);
        String mode = full ? "full" : "quick";
        String stamp = mode + "-" + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String machine = Machine.describe();
        System.out.println("Streamwire " + mode + " benchmark run on " + machine);

        ChainedOptionsBuilder single = preset(full, results.resolve(stamp + "-t1.json"));
        if (includes.isEmpty()) {
            single.include("io\\.streamwire\\.benchmarks\\..*");
            if (!full) {
                fullOnlyExcludes().forEach(single::exclude);
            }
        } else {
            includes.forEach(single::include);
        }
        List<RunResult> all = new ArrayList<>(new Runner(single.threads(1).build()).run());

        List<String> scaling = Summary.scalingIncludes(all);
        if (!scaling.isEmpty() && Runtime.getRuntime().availableProcessors() >= 2) {
            ChainedOptionsBuilder twin = preset(full, results.resolve(stamp + "-t2.json")).threads(2);
            scaling.forEach(twin::include);
            all.addAll(new Runner(twin.build()).run());
        }

        String table = Summary.table(Summary.rows(all), "all");
        String report = "# Streamwire " + mode + " benchmark run\n\n" + machine + "\n\n" + preamble(full) + "\n\n" + table;
        Files.writeString(results.resolve(stamp + ".md"), report);
        System.out.println();
        System.out.println(table);
        System.out.println("Written: " + results.resolve(stamp + ".md") + " and " + stamp + "-t*.json");
        if (updateReadme) {
            updateReadmes(Summary.rows(all), machine, full);
        }
    }

    /** JMH exclude patterns for the benchmarks marked {@link FullOnly} (on the method or its class). */
    static List<String> fullOnlyExcludes() {
        List<String> excludes = new ArrayList<>();
        OutputFormat silent = OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT);
        for (BenchmarkListEntry entry : BenchmarkList.defaultList().getAll(silent, List.of())) {
            String name = entry.getUsername();
            int dot = name.lastIndexOf('.');
            try {
                Class<?> type = Class.forName(name.substring(0, dot));
                boolean fullOnly = type.isAnnotationPresent(FullOnly.class) || Arrays.stream(type.getMethods())
                        .anyMatch(m -> m.getName().equals(name.substring(dot + 1)) && m.isAnnotationPresent(FullOnly.class));
                if (fullOnly) {
                    excludes.add("^" + Pattern.quote(name) + "$");
                }
            } catch (ClassNotFoundException e) {
                // not a class of this jar
            }
        }
        return excludes;
    }

    private static ChainedOptionsBuilder preset(boolean full, Path json) {
        return new OptionsBuilder()
                .forks(1)
                .warmupIterations(full ? 4 : 2).warmupTime(TimeValue.seconds(full ? 2 : 1))
                .measurementIterations(full ? 6 : 3).measurementTime(TimeValue.seconds(full ? 2 : 1))
                .timeUnit(TimeUnit.SECONDS)
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON).result(json.toString());
    }

    private static String preamble(boolean full) {
        return "JMH 1.37, 1 fork, " + (full ? "4×2 s warm-up, 6×2 s measurement" : "2×1 s warm-up, 3×1 s measurement")
                + ", `-prof gc`. Throughput is the median of the measurement iterations, ± JMH's 99.9% confidence half-width;"
                + " MB = 10^6 bytes. B/unit is `gc.alloc.rate.norm` divided by units per operation. \"of long-word scan\" is"
                + " input bytes/s over `CeilingBenchmark.longWordScan_ceiling` with the same thread count in the same run; it"
                + " exceeds 100% where a parser steps over payload bytes it never reads (tag, frame and chunk walks)."
                + " Ratios compare units/s"
                + " (bytes/s where no units are counted) on the same input.";
    }

    private static void updateReadmes(List<Summary.Row> rows, String machine, boolean full) throws IOException {
        List<Path> readmes = new ArrayList<>();
        readmes.add(Path.of("README.md"));
        try (var dirs = Files.list(Path.of("."))) {
            dirs.filter(Files::isDirectory).map(d -> d.resolve("README.md")).filter(Files::isRegularFile).forEach(readmes::add);
        }
        Set<String> areas = rows.stream().map(Summary.Row::area).collect(java.util.stream.Collectors.toSet());
        for (Path readme : readmes) {
            if (!Files.isRegularFile(readme)) {
                continue;
            }
            String text = Files.readString(readme);
            Matcher m = MARKER.matcher(text);
            StringBuilder out = new StringBuilder();
            boolean changed = false;
            while (m.find()) {
                String area = m.group(2);
                String body;
                if (area.equals("all") || areas.contains(area)) {
                    body = "_" + (full ? "Full" : "Quick") + " run, " + machine + "; produced by `java -jar benchmarks/target/benchmarks.jar"
                            + (full ? " --full" : "") + " --update-readme`._\n\n" + Summary.table(rows, area);
                    changed = true;
                } else {
                    body = m.group(3);
                }
                m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + body + m.group(4)));
            }
            m.appendTail(out);
            if (changed) {
                Files.writeString(readme, out.toString());
                System.out.println("Updated " + readme);
            }
        }
    }

    /**
     * A bundled fixture repeated whole as many times as fit in {@code maxBytes} (at least once), in one
     * heap buffer: the inputs of the scanning benchmarks.
     */
    public static ByteBuffer repeated(String relative, int maxBytes) {
        byte[] one = fixture(relative);
        int copies = Math.max(1, maxBytes / one.length);
        ByteBuffer all = ByteBuffer.allocate(one.length * copies);
        for (int i = 0; i < copies; i++) {
            all.put(one);
        }
        return all.flip();
    }

    /** Reads a fixture bundled in the jar (the modules' committed fixtures). */
    public static byte[] fixture(String relative) {
        try (var in = Main.class.getResourceAsStream("/fixtures/" + relative)) {
            if (in == null) {
                throw new IllegalStateException("fixture missing from benchmarks.jar: " + relative);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.streamwire.benchmarks;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * Turns JMH results into the comparison table: for each area and thing, ours beside the best peer
 * measured in the same run, the ratio, bytes allocated per unit, the fraction of the machine's
 * long-word scan rate, and whether the published target ({@link Goal}) is met.
 *
 * <p>Throughputs are the median of the measurement iterations; "±" is JMH's 99.9% confidence
 * half-width of the mean. MB = 10^6 bytes.
 *
 * <p>Peers include FFmpeg through JNI (impl {@code ffmpeg}); a peer marked {@link PeerOf} is listed
 * under each thing it does the work of, a {@link Goal} may hold ours to several peers, and when
 * FFmpeg rows ran the table ends with {@link FfmpegSplit}'s split of their time per unit.
 */
final class Summary {
    static final String OURS = "streamwire";
    static final String CEILING = "ceiling";
    /** The area of {@code ffmpeg.FfmpegJniBenchmark}: the JNI calibration, a reference like the ceiling. */
    static final String FFMPEG = "ffmpeg";

    /** One benchmark method at one thread count. */
    record Row(String area, String className, String thing, String impl, int threads,
               Stat ops, Stat bytes, Stat units, double allocPerOp, Goal goal, Stat jniCalls, Stat upcalls) {

        /** A copy of this row listed under another thing (see {@link PeerOf}). */
        Row as(String otherThing) {
            return new Row(area, className, otherThing, impl, threads, ops, bytes, units, allocPerOp, goal, jniCalls, upcalls);
        }

        /** Rows measured to compare against (the ceiling, the JNI calibration), not ours nor a peer. */
        boolean reference() {
            return area.equals(CEILING) || area.equals(FFMPEG);
        }

        double unitsPerOp() {
            return ops.median > 0 ? units.median / ops.median : 0;
        }

        /** Bytes allocated per unit, or per op when the benchmark counts no units. */
        double allocPerUnit() {
            double perOp = unitsPerOp();
            return Double.isNaN(allocPerOp) ? Double.NaN : perOp > 0 ? allocPerOp / perOp : allocPerOp;
        }

        /** The rate ratios compare: units/s when counted, else bytes/s, else ops/s. */
        double rate() {
            return units.median > 0 ? units.median : bytes.median > 0 ? bytes.median : ops.median;
        }

        String unitName() {
            return goal != null ? goal.unit() : units.median > 0 ? "units" : bytes.median > 0 ? "B" : "ops";
        }
    }

    record Stat(double median, double error) {
        static final Stat NONE = new Stat(0, 0);
    }

    private Summary() {}

    static List<Row> rows(Collection<RunResult> results) {
        List<Row> rows = new ArrayList<>();
        for (RunResult run : results) {
            String benchmark = run.getParams().getBenchmark();
            int dot = benchmark.lastIndexOf('.');
            String className = benchmark.substring(0, dot);
            String method = benchmark.substring(dot + 1);
            int underscore = method.lastIndexOf('_');
            String thing = (underscore > 0 ? method.substring(0, underscore) : method) + params(run);
            String impl = underscore > 0 ? method.substring(underscore + 1) : OURS;
            String pkg = className.substring(0, className.lastIndexOf('.'));
            String area = pkg.equals("io.streamwire.benchmarks") ? CEILING : pkg.substring(pkg.lastIndexOf('.') + 1);
            Result<?> alloc = run.getSecondaryResults().get("gc.alloc.rate.norm");
            Row row = new Row(area, className, thing, impl, run.getParams().getThreads(),
                    stat(run, null), stat(run, "bytes"), stat(run, "units"),
                    alloc == null ? Double.NaN : alloc.getScore(), goal(className, method),
                    stat(run, "jniCalls"), stat(run, "upcalls"));
            rows.add(row);
            for (String other : peerOf(className, method)) {
                rows.add(row.as(other + params(run)));
            }
        }
        rows.sort(Comparator.comparing(Row::area).thenComparing(Row::thing).thenComparing(Row::threads)
                .thenComparing(r -> !r.impl().equals(OURS)).thenComparing(Row::impl));
        return rows;
    }

    /** JMH {@code @Param} values as {@code [name=value,...]}, so variants are separate rows. */
    private static String params(RunResult run) {
        var keys = run.getParams().getParamsKeys();
        if (keys.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("[");
        for (String key : keys) {
            s.append(s.length() > 1 ? "," : "").append(key).append('=').append(run.getParams().getParam(key));
        }
        return s.append(']').toString();
    }

    private static Stat stat(RunResult run, String secondary) {
        Result<?> aggregate = secondary == null ? run.getPrimaryResult() : run.getSecondaryResults().get(secondary);
        if (aggregate == null) {
            return Stat.NONE;
        }
        List<Double> scores = new ArrayList<>();
        for (BenchmarkResult fork : run.getBenchmarkResults()) {
            for (IterationResult iteration : fork.getIterationResults()) {
                Result<?> r = secondary == null ? iteration.getPrimaryResult() : iteration.getSecondaryResults().get(secondary);
                if (r != null) {
                    scores.add(r.getScore());
                }
            }
        }
        double[] sorted = scores.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = sorted.length == 0 ? aggregate.getScore()
                : sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        double error = aggregate.getScoreError();
        return new Stat(median, Double.isNaN(error) ? 0 : error);
    }

    private static String[] peerOf(String className, String method) {
        try {
            return Arrays.stream(Class.forName(className).getMethods()).filter(m -> m.getName().equals(method))
                    .map(m -> m.getAnnotation(PeerOf.class)).filter(p -> p != null).map(PeerOf::value).findFirst()
                    .orElse(new String[0]);
        } catch (ClassNotFoundException e) {
            return new String[0];
        }
    }

    private static Goal goal(String className, String method) {
        try {
            return Arrays.stream(Class.forName(className).getMethods()).filter(m -> m.getName().equals(method))
                    .map(m -> m.getAnnotation(Goal.class)).filter(g -> g != null).findFirst().orElse(null);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** The markdown table for the rows whose area is {@code area} ("all" for every row). */
    static String table(List<Row> rows, String area) {
        Map<Integer, Row> ceilings = new java.util.HashMap<>();
        rows.stream().filter(r -> r.area().equals(CEILING) && r.thing().equals("longWordScan"))
                .forEach(r -> ceilings.put(r.threads(), r));
        StringBuilder out = new StringBuilder();
        out.append("| area | benchmark | thr | Streamwire (median ± err) | best peer, same run | ratio | B/unit | of long-word scan | target |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row row : rows) {
            if (area.equals("all") || row.area().equals(area)) {
                groups.computeIfAbsent(row.area() + "/" + row.thing() + "/" + row.threads(), k -> new ArrayList<>()).add(row);
            }
        }
        for (List<Row> group : groups.values()) {
            Row ours = group.stream().filter(r -> r.impl().equals(OURS) || r.reference()).findFirst().orElse(null);
            List<Row> peers = group.stream().filter(r -> r != ours).toList();
            Row best = peers.stream().max(Comparator.comparingDouble(Row::rate)).orElse(null);
            if (ours == null) {
                for (Row peer : peers) {
                    out.append(String.format(Locale.ROOT, "| %s | %s | %d | (no Streamwire benchmark) | %s: %s | | | | |%n",
                            peer.area(), peer.thing(), peer.threads(), peer.impl(), throughput(peer)));
                }
                continue;
            }
            double ratio = best == null ? Double.NaN : ours.rate() / best.rate();
            // The ceiling with the same thread count: a 2-thread row is read against 2-thread bandwidth.
            Row ceiling = ceilings.getOrDefault(ours.threads(), ceilings.get(1));
            double fraction = ceiling != null && ours.bytes().median() > 0 && !ours.reference()
                    ? ours.bytes().median() / ceiling.bytes().median() : Double.NaN;
            out.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s | %s | %s |%n",
                    ours.area(), ours.thing(), ours.threads(),
                    throughput(ours),
                    best == null ? "" : best.impl() + ": " + throughput(best) + (peers.size() > 1 ? " (" + peers.size() + " peers)" : ""),
                    Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.2f×", ratio),
                    Double.isNaN(ours.allocPerUnit()) ? "" : bytes(ours.allocPerUnit()) + (ours.unitsPerOp() > 0 ? "" : " per op"),
                    Double.isNaN(fraction) ? "" : String.format(Locale.ROOT, "%.0f%%", fraction * 100),
                    verdict(ours, group, ceiling)));
        }
        out.append(FfmpegSplit.section(rows, area));
        return out.toString();
    }

    static String throughput(Row row) {
        StringBuilder s = new StringBuilder();
        if (row.bytes().median() > 0) {
            s.append(String.format(Locale.ROOT, "%s ± %s MB/s", number(row.bytes().median() / 1e6), number(row.bytes().error() / 1e6)));
        }
        if (row.units().median() > 0) {
            if (s.length() > 0) {
                s.append("; ");
            }
            s.append(String.format(Locale.ROOT, "%s %s/s (%s ns each)", count(row.units().median()), row.unitName(),
                    number(1e9 / row.units().median())));
        }
        if (s.length() == 0) {
            s.append(String.format(Locale.ROOT, "%s ± %s ops/s", count(row.ops().median()), count(row.ops().error())));
        }
        return s.toString();
    }

    private static String verdict(Row ours, List<Row> group, Row ceiling) {
        Goal goal = ours.goal();
        if (goal == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (goal.minPeerRatio() > 0) {
            parts.add(peerVerdict(ours, group, goal.peer(), goal.minPeerRatio()));
        }
        for (Goal.Peer peer : goal.peers()) {
            parts.add(peerVerdict(ours, group, peer.name(), peer.minRatio()));
        }
        if (goal.minCeilingFraction() > 0 && ceiling != null) {
            parts.add(check(ours.bytes().median() / ceiling.bytes().median() >= goal.minCeilingFraction(),
                    String.format(Locale.ROOT, "≥%.0f%% of scan", goal.minCeilingFraction() * 100)));
        }
        if (goal.minMBps() > 0) {
            parts.add(check(ours.bytes().median() / 1e6 >= goal.minMBps(), "≥" + number(goal.minMBps()) + " MB/s"));
        }
        if (goal.maxNanosPerUnit() > 0) {
            parts.add(check(ours.units().median() > 0 && 1e9 / ours.units().median() <= goal.maxNanosPerUnit(),
                    "≤" + number(goal.maxNanosPerUnit()) + " ns"));
        }
        if (goal.maxBytesPerUnit() >= 0) {
            // gc.alloc.rate.norm carries a few bytes of measurement noise per op (JMH infrastructure).
            parts.add(check(ours.allocPerUnit() <= goal.maxBytesPerUnit() + 0.5, "≤" + number(goal.maxBytesPerUnit()) + " B/unit"));
        }
        String text = String.join(", ", parts);
        return text;
    }

    private static String peerVerdict(Row ours, List<Row> group, String name, double minRatio) {
        Optional<Row> peer = group.stream().filter(r -> r.impl().equals(name)).findFirst();
        return peer.map(p -> check(ours.rate() / p.rate() >= minRatio,
                        String.format(Locale.ROOT, "≥%s× %s", number(minRatio), name)))
                .orElse("≥" + number(minRatio) + "× " + name + " (peer not run)");
    }

    private static String check(boolean met, String what) {
        return what + (met ? " ✅" : " ❌ missed");
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%,.0f" : a >= 10 ? "%.1f" : "%.2f", v);
    }

    static String count(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return String.format(Locale.ROOT, "%.2f G", v / 1e9);
        } else if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M", v / 1e6);
        } else if (a >= 1e3) {
            return String.format(Locale.ROOT, "%.1f k", v / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String bytes(double v) {
        return v < 0.5 ? "0" : number(v);
    }

    /** Benchmarks marked {@link Scaling}, as JMH include patterns. */
    static List<String> scalingIncludes(Collection<RunResult> results) {
        List<String> includes = new ArrayList<>();
        for (RunResult run : results) {
            String benchmark = run.getParams().getBenchmark();
            int dot = benchmark.lastIndexOf('.');
            try {
                for (Method m : Class.forName(benchmark.substring(0, dot)).getMethods()) {
                    if (m.getName().equals(benchmark.substring(dot + 1)) && m.isAnnotationPresent(Scaling.class)) {
                        includes.add("^" + java.util.regex.Pattern.quote(benchmark) + "$");
                    }
                }
            } catch (ClassNotFoundException e) {
                // not ours
            }
        }
        return includes;
    }
}

package io.streamwire.examples.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the shape of the library modules from their compiled classes (this example depends on all
 * of them, so they are built before it): every library module requires {@code io.streamwire.core},
 * the areas' package graph (from {@code jdeps}) has no cycle, no module reads another module's
 * {@code internal} package except {@code io.streamwire.core.internal}, and no two public types in
 * exported packages of different modules share a simple name.
 */
class ModuleGraphTest {
    static final List<String> LIBRARIES = List.of("core", "flv", "rtmp-protocol", "mpegts", "hls-playlist",
            "h264-bitstream", "h265-bitstream", "mp4", "aac-adts");

    static final Map<String, Path> CLASSES = new LinkedHashMap<>();
    static final Map<String, ModuleDescriptor> DESCRIPTORS = new LinkedHashMap<>();

    @BeforeAll
    static void load() throws IOException {
        Path root = Path.of(System.getProperty("streamwire.root", "../.."));
        for (String m : LIBRARIES) {
            Path classes = root.resolve(m).resolve("target/classes");
            assertThat(classes.resolve("module-info.class")).as("compiled module %s", m).exists();
            CLASSES.put(m, classes);
            try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
                DESCRIPTORS.put(m, ModuleDescriptor.read(in));
            }
        }
    }

    @Test
    void everyLibraryModuleRequiresCoreTransitively() {
        DESCRIPTORS.forEach((folder, d) -> {
            if (!folder.equals("core")) {
                assertThat(d.requires()).as(d.name()).anySatisfy(r -> {
                    assertThat(r.name()).isEqualTo("io.streamwire.core");
                    assertThat(r.modifiers()).contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE);
                });
            }
        });
    }

    @Test
    void onlyCoreExportsInternalPackagesAndOnlyToStreamwireModules() {
        DESCRIPTORS.forEach((folder, d) -> d.exports().forEach(e -> {
            if (e.source().contains(".internal")) {
                assertThat(d.name()).as("qualified export of %s", e.source()).isEqualTo("io.streamwire.core");
                assertThat(e.targets()).allMatch(t -> t.startsWith("io.streamwire."));
            }
        }));
    }

    @Test
    void packageGraphHasNoCycleAndNoForeignInternalUse() {
        Map<String, Set<String>> edges = packageEdges();
        assertThat(edges).isNotEmpty();
        edges.forEach((from, tos) -> tos.forEach(to -> {
            if (to.contains(".internal") && !to.startsWith("io.streamwire.core.internal")) {
                assertThat(moduleOf(from)).as("%s -> %s", from, to).isEqualTo(moduleOf(to));
            }
        }));
        assertThat(edges.getOrDefault("io.streamwire.amf", Set.of()))
                .noneMatch(p -> p.startsWith("io.streamwire.flv"));
        // A format area is a root package and its sub-packages (io.streamwire.mpegts with .psi and
        // .pes, whose types throw the area's TsException while its demuxer reads their tables):
        // the areas (core, flv, amf, rtmp, mpegts, hls, h264, aac) must form no cycle.
        Map<String, Set<String>> areas = new TreeMap<>();
        edges.forEach((from, tos) -> tos.forEach(to -> {
            if (!area(from).equals(area(to))) {
                areas.computeIfAbsent(area(from), k -> new TreeSet<>()).add(area(to));
            }
        }));
        assertThat(areas).containsKeys("io.streamwire.rtmp", "io.streamwire.flv");
        List<List<String>> cycles = cycles(areas);
        assertThat(cycles).as("cycles between areas " + areas).isEmpty();
    }

    @Test
    void publicTypeNamesAreUniqueAcrossModules() throws IOException {
        Map<String, String> owner = new TreeMap<>();
        List<String> clashes = new ArrayList<>();
        for (var entry : DESCRIPTORS.entrySet()) {
            Path classes = CLASSES.get(entry.getKey());
            for (ModuleDescriptor.Exports e : entry.getValue().exports()) {
                if (e.isQualified()) {
                    continue;
                }
                Path dir = classes.resolve(e.source().replace('.', '/'));
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        String name = f.getFileName().toString();
                        if (!name.endsWith(".class") || name.contains("$") || name.equals("package-info.class")) {
                            continue;
                        }
                        String simple = name.substring(0, name.length() - 6);
                        String fqcn = e.source() + "." + simple;
                        if (!isPublic(fqcn)) {
                            continue;
                        }
                        String previous = owner.putIfAbsent(simple, fqcn);
                        if (previous != null && !previous.equals(fqcn)) {
                            clashes.add(previous + " / " + fqcn);
                        }
                    }
                }
            }
        }
        assertThat(clashes).as("public types with the same simple name in different packages").isEmpty();
    }

    private static boolean isPublic(String fqcn) {
        try {
            return java.lang.reflect.Modifier.isPublic(Class.forName(fqcn, false, ModuleGraphTest.class.getClassLoader()).getModifiers());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(fqcn + " not on the test class path", e);
        }
    }

    /** {@code io.streamwire.<area>} of a package. */
    private static String area(String pkg) {
        String[] parts = pkg.split("\\.");
        return parts.length < 3 ? pkg : parts[0] + "." + parts[1] + "." + parts[2];
    }

    /** The module whose compiled classes hold package {@code pkg}. */
    private static String moduleOf(String pkg) {
        for (var entry : CLASSES.entrySet()) {
            if (Files.isDirectory(entry.getValue().resolve(pkg.replace('.', '/')))) {
                return DESCRIPTORS.get(entry.getKey()).name();
            }
        }
        throw new AssertionError("package " + pkg + " is in no library module");
    }

    /** Package -> packages it uses, among io.streamwire packages, from jdeps over the compiled classes. */
    private static Map<String, Set<String>> packageEdges() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("jdeps not in this JDK"));
        Map<String, Set<String>> edges = new TreeMap<>();
        for (Path classes : CLASSES.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            List<String> args = new ArrayList<>(List.of("-verbose:package", "-filter:none"));
            List<String> others = new ArrayList<>();
            CLASSES.values().stream().filter(c -> !c.equals(classes)).forEach(c -> others.add(c.toString()));
            args.add("--module-path");
            args.add(String.join(java.io.File.pathSeparator, others));
            args.add(classes.toString());
            int rc = jdeps.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
            assertThat(rc).as("jdeps: %s", err.toString(StandardCharsets.UTF_8)).isZero();
            for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
                String t = line.trim();
                int arrow = t.indexOf(" -> ");
                if (arrow < 0 || !t.startsWith("io.streamwire.")) {
                    continue;
                }
                String from = t.substring(0, arrow).trim();
                String to = t.substring(arrow + 4).trim().split("\\s+")[0];
                if (to.startsWith("io.streamwire.") && !to.equals(from)) {
                    edges.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                }
            }
        }
        return edges;
    }

    /** Strongly connected components of more than one package (Tarjan). */
    private static List<List<String>> cycles(Map<String, Set<String>> edges) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        List<String> stack = new ArrayList<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String v : edges.keySet()) {
            if (!index.containsKey(v)) {
                strong(v, edges, index, low, stack, onStack, out, counter);
            }
        }
        return out;
    }

    private static void strong(String v, Map<String, Set<String>> edges, Map<String, Integer> index,
                               Map<String, Integer> low, List<String> stack, Set<String> onStack,
                               List<List<String>> out, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.add(v);
        onStack.add(v);
        for (String w : edges.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                strong(w, edges, index, low, stack, onStack, out, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.remove(stack.size() - 1);
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                out.add(component);
            }
        }
    }
}

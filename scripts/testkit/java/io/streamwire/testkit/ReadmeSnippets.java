package io.streamwire.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps README.md true: the usage examples in it are copied from test code that compiles and runs.
 * A test marks its example with {@code // README:begin} and {@code // README:end} lines and calls
 * {@link #assertInReadme(Class)}, which fails when neither the repository's README.md nor the
 * module's own README.md contains the block verbatim (after removing the block's common
 * indentation).
 *
 * <p>Thread-safe.
 */
public final class ReadmeSnippets {
    private ReadmeSnippets() {}

    /** Fails unless every marked block of {@code testClass}'s source appears in a README. */
    public static void assertInReadme(Class<?> testClass) {
        Path source = Path.of("src/test/java", testClass.getName().replace('.', '/') + ".java");
        String root = System.getProperty("streamwire.root");
        Path readme = Path.of(root == null ? ".." : root, "README.md");
        Path moduleReadme = Path.of("README.md");
        try {
            String text = Files.readString(readme)
                    + (Files.isRegularFile(moduleReadme) ? "\n" + Files.readString(moduleReadme) : "");
            List<String> blocks = blocks(Files.readAllLines(source));
            if (blocks.isEmpty()) {
                fail(source + " has no // README:begin ... // README:end block");
            }
            for (String block : blocks) {
                if (!text.contains(block)) {
                    fail("neither README.md nor the module README.md contains this example from " + source + " (copy it again):\n" + block);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> blocks(List<String> lines) {
        List<String> blocks = new ArrayList<>();
        List<String> current = null;
        for (String line : lines) {
            if (line.strip().equals("// README:begin")) {
                current = new ArrayList<>();
            } else if (line.strip().equals("// README:end") && current != null) {
                int indent = current.stream().filter(l -> !l.isBlank())
                        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
                blocks.add(String.join("\n", current.stream()
                        .map(l -> l.isBlank() ? "" : l.substring(indent)).toList()));
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        return blocks;
    }
}

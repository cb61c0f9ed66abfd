package io.streamwire.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the peer test suites collected from other projects ({@code ../shared/corpus}).
 *
 * <p>The path comes from the system property {@code streamwire.corpus}, which the build sets and
 * {@code -Dstreamwire.corpus=DIR} overrides. A missing corpus fails the test; it never skips.
 *
 * <p>Thread-safe.
 */
public final class Corpus {
    private Corpus() {}

    /** The corpus root, checked to exist and to hold SOURCES.md. */
    public static Path root() {
        String configured = System.getProperty("streamwire.corpus");
        if (configured == null || configured.isBlank()) {
            return fail("system property streamwire.corpus is not set; run through Maven or pass -Dstreamwire.corpus=DIR");
        }
        Path root = Path.of(configured).toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("SOURCES.md"))) {
            return fail("peer corpus not found at " + root
                    + " (expected SOURCES.md there); check out shared/ beside the repository or pass -Dstreamwire.corpus=DIR");
        }
        return root;
    }

    /** A file or directory inside the corpus, checked to exist. */
    public static Path resolve(String relative) {
        Path path = root().resolve(relative);
        if (!Files.exists(path)) {
            return fail("corpus entry missing: " + path);
        }
        return path;
    }
}

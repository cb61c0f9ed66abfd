package io.streamwire.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads committed fixtures from {@code src/test/resources/fixtures/<format>/} on the test class path,
 * and ffprobe's committed view of them (CSV written by {@code scripts/make-fixtures.sh}).
 *
 * <p>Thread-safe.
 */
public final class Fixtures {
    private Fixtures() {}

    /** The bytes of {@code fixtures/<relative>}. */
    public static byte[] bytes(String relative) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + relative)) {
            if (in == null) {
                return fail("fixture missing from the test class path: fixtures/" + relative
                        + " (regenerate with scripts/make-fixtures.sh)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of a text fixture, without blank lines. */
    public static List<String> lines(String relative) {
        return new String(bytes(relative), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }

    /**
     * Copies {@code fixtures/<relative>} into {@code dir} so that an external tool can read it.
     *
     * @return the written file
     */
    public static Path copyTo(String relative, Path dir) {
        Path target = dir.resolve(Path.of(relative).getFileName().toString());
        try {
            Files.write(target, bytes(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}

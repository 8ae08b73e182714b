package fluffy.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real test files in {@code ../shared/data}, read in place (never copied into the repository). The
 * build passes their location as {@code -Dfluffy.shared.data}; a checkout without them skips the tests
 * that need them, saying so.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The folder {@code sub} of the shared data; skips the calling test when it is absent. */
    public static Path folder(String sub) {
        String root = System.getProperty("fluffy.shared.data", "../../../shared/data");
        Path dir = Path.of(root, sub);
        assumeTrue(Files.isDirectory(dir), "shared test data not found at " + dir.toAbsolutePath()
                + " (set -Dfluffy.shared.data); skipping the tests on real files");
        return dir;
    }

    public static Path file(String sub, String name) {
        Path file = folder(sub).resolve(name);
        assumeTrue(Files.isRegularFile(file), "shared test file missing: " + file);
        return file;
    }
}

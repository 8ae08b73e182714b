package fluffy.io.czi.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real CZI files of the shared test data ({@code ../shared/data/czi} next to the checkout, or the
 * folder named by the system property {@code fluffy.shared.data}). Tests that need them are skipped
 * with a message saying where they were looked for when a checkout has none.
 */
final class CziTestData {

    private CziTestData() {
    }

    static Path folder() {
        String root = System.getProperty("fluffy.shared.data", "../../../shared/data");
        Path dir = Path.of(root, "czi").toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(dir), "shared CZI test data not found at " + dir
                + " (set -Dfluffy.shared.data=/path/to/shared/data); skipping");
        return dir;
    }

    static Path file(String name) {
        Path file = folder().resolve(name);
        assumeTrue(Files.isRegularFile(file), "shared CZI test file " + file + " is missing; skipping");
        return file;
    }
}

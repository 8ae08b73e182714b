package fluffy.training.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The train/test split of a run: a seeded shuffle, the first {@code testFraction} (at least one sample)
 * for testing. Saved in the run folder as two plain lists of names and reused when the run is resumed
 * or repeated, so the test set never leaks into training.
 */
public record Split(List<String> trainVal, List<String> test) {

    public static final String TRAIN_VAL_FILE = "train_val.txt";
    public static final String TEST_FILE = "test.txt";

    public Split {
        trainVal = List.copyOf(trainVal);
        test = List.copyOf(test);
    }

    /** Splits sorted names; the same names and seed always give the same split. */
    public static Split of(List<String> names, double testFraction, long seed) {
        if (names.size() < 2) {
            throw new IllegalArgumentException("a train/test split needs at least 2 samples, got " + names.size());
        }
        List<String> shuffled = new ArrayList<>(names);
        Collections.sort(shuffled);
        Collections.shuffle(shuffled, new Random(seed));
        int nTest = Math.max(1, (int) Math.round(names.size() * testFraction));
        return new Split(sorted(shuffled.subList(nTest, shuffled.size())), sorted(shuffled.subList(0, nTest)));
    }

    private static List<String> sorted(List<String> names) {
        List<String> copy = new ArrayList<>(names);
        Collections.sort(copy);
        return copy;
    }

    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        fluffy.core.files.AtomicFiles.writeString(dir.resolve(TRAIN_VAL_FILE), String.join("\n", trainVal) + "\n");
        fluffy.core.files.AtomicFiles.writeString(dir.resolve(TEST_FILE), String.join("\n", test) + "\n");
    }

    /** The split saved in {@code dir}, or null when there is none. */
    public static Split load(Path dir) throws IOException {
        Path a = dir.resolve(TRAIN_VAL_FILE);
        Path b = dir.resolve(TEST_FILE);
        if (!Files.isRegularFile(a) || !Files.isRegularFile(b)) {
            return null;
        }
        return new Split(lines(a), lines(b));
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }
}

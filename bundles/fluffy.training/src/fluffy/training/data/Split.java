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
 * The train / validation / test split of a run: a seeded shuffle, the first {@code test} fraction (at least
 * one sample) for the test, the next {@code validation} fraction (at least one, when asked for) for
 * validation, the rest for training. Validation is what every choice sees (the best epoch, the search's
 * objective, early stopping); the test split is scored once, at the end. Saved in the run folder as three
 * plain lists of names and reused when the run is resumed or repeated, so neither leaks into training.
 * <p>
 * Runs from before validation was carved out saved {@code train_val.txt} and {@code test.txt} and chose
 * their epoch on the test split: they load as {@link #legacy()} splits whose validation <em>is</em> the test
 * split, so they resume as they were trained and say so.
 */
public record Split(List<String> train, List<String> validation, List<String> test, boolean legacy) {

    public static final String TRAIN_FILE = "train.txt";
    public static final String VALIDATION_FILE = "validation.txt";
    public static final String TEST_FILE = "test.txt";
    /** The train_val list of runs from before the validation split. */
    public static final String LEGACY_TRAIN_VAL_FILE = "train_val.txt";

    /** How much of the data goes to the test and the validation split. */
    public record Fractions(double test, double validation) {

        /** 20 % test (as the original) and 10 % validation, carved from what was train_val. */
        public static final Fractions DEFAULT = new Fractions(0.2, 0.1);

        public Fractions {
            if (!(test > 0 && test < 1) || !(validation >= 0 && validation < 1) || test + validation >= 1) {
                throw new IllegalArgumentException("the test fraction must be in (0, 1), the validation fraction in "
                        + "[0, 1), and both together below 1; got " + test + " and " + validation);
            }
        }
    }

    public Split {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }

    /** Training and validation together, sorted: what a cross-validated search folds (never the test split). */
    public List<String> trainVal() {
        if (legacy) {
            return train;
        }
        List<String> all = new ArrayList<>(train);
        all.addAll(validation);
        return sorted(all);
    }

    /**
     * Splits names; the same names and seed always give the same split, and the same test split as runs
     * from before the validation split had.
     *
     * @throws IllegalArgumentException when there are too few names for a sample in each part
     */
    public static Split of(List<String> names, Fractions fractions, long seed) {
        List<String> shuffled = new ArrayList<>(names);
        Collections.sort(shuffled);
        Collections.shuffle(shuffled, new Random(seed));
        int n = names.size();
        int nTest = Math.max(1, (int) Math.round(n * fractions.test()));
        int nValidation = fractions.validation() == 0 ? 0 : Math.max(1, (int) Math.round(n * fractions.validation()));
        if (n - nTest - nValidation < 1) {
            throw new IllegalArgumentException("a train/validation/test split needs at least " + (nTest + nValidation + 1)
                    + " samples here, got " + n);
        }
        return new Split(sorted(shuffled.subList(nTest + nValidation, n)),
                sorted(shuffled.subList(nTest, nTest + nValidation)), sorted(shuffled.subList(0, nTest)), false);
    }

    private static List<String> sorted(List<String> names) {
        List<String> copy = new ArrayList<>(names);
        Collections.sort(copy);
        return copy;
    }

    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (legacy) {
            write(dir.resolve(LEGACY_TRAIN_VAL_FILE), train);
        } else {
            write(dir.resolve(TRAIN_FILE), train);
            write(dir.resolve(VALIDATION_FILE), validation);
        }
        write(dir.resolve(TEST_FILE), test);
    }

    private static void write(Path file, List<String> names) throws IOException {
        fluffy.core.files.AtomicFiles.writeString(file, names.isEmpty() ? "" : String.join("\n", names) + "\n");
    }

    /** The split saved in {@code dir} (a {@link #legacy()} one for runs from before validation), or null. */
    public static Split load(Path dir) throws IOException {
        Path test = dir.resolve(TEST_FILE);
        if (!Files.isRegularFile(test)) {
            return null;
        }
        if (Files.isRegularFile(dir.resolve(TRAIN_FILE)) && Files.isRegularFile(dir.resolve(VALIDATION_FILE))) {
            return new Split(lines(dir.resolve(TRAIN_FILE)), lines(dir.resolve(VALIDATION_FILE)), lines(test), false);
        }
        Path trainVal = dir.resolve(LEGACY_TRAIN_VAL_FILE);
        if (!Files.isRegularFile(trainVal)) {
            return null;
        }
        List<String> testNames = lines(test);
        return new Split(lines(trainVal), testNames, testNames, true);
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }
}

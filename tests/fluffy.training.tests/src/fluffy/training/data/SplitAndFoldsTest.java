package fluffy.training.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitAndFoldsTest {

    private final List<String> names = IntStream.range(0, 23).mapToObj(i -> "img" + i + ".tif").toList();

    @Test
    void theSplitIsReproducibleDisjointAndCompleteAndSurvivesASaveAndLoad(@TempDir Path dir) throws Exception {
        List<String> reversed = new ArrayList<>(names);
        Collections.reverse(reversed);
        Split a = Split.of(names, Split.Fractions.DEFAULT, 42);
        assertEquals(a, Split.of(reversed, Split.Fractions.DEFAULT, 42), "the input order does not matter");
        assertNotEquals(a, Split.of(names, Split.Fractions.DEFAULT, 43));
        assertEquals(5, a.test().size());
        assertEquals(2, a.validation().size());
        assertEquals(16, a.train().size());
        Set<String> all = new HashSet<>(a.train());
        all.addAll(a.validation());
        all.addAll(a.test());
        assertEquals(Set.copyOf(names), all);
        assertTrue(Collections.disjoint(a.train(), a.validation()));
        assertTrue(Collections.disjoint(a.train(), a.test()));
        assertTrue(Collections.disjoint(a.validation(), a.test()));
        assertEquals(18, a.trainVal().size(), "a search folds training and validation, never the test split");
        assertTrue(Collections.disjoint(a.trainVal(), a.test()));
        a.save(dir);
        assertEquals(a, Split.load(dir));
    }

    /** The test split of a seed is the one runs from before the validation split had: results stay comparable. */
    @Test
    void aRunFromBeforeTheValidationSplitLoadsAsItWasTrained(@TempDir Path dir) throws Exception {
        Split now = Split.of(names, Split.Fractions.DEFAULT, 42);
        Split old = Split.of(names, new Split.Fractions(0.2, 0), 42);
        assertEquals(old.test(), now.test());
        Files.writeString(dir.resolve(Split.LEGACY_TRAIN_VAL_FILE), String.join("\n", old.train()) + "\n");
        Files.writeString(dir.resolve(Split.TEST_FILE), String.join("\n", old.test()) + "\n");
        Split loaded = Split.load(dir);
        assertTrue(loaded.legacy());
        assertEquals(old.train(), loaded.train());
        assertEquals(loaded.test(), loaded.validation(), "such a run chose its epoch on its test split, and says so");
        assertEquals(old.train(), loaded.trainVal());
    }

    @Test
    void tooFewImagesForThreePartsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Split.of(List.of("a", "b"), Split.Fractions.DEFAULT, 1));
        assertEquals(1, Split.of(List.of("a", "b", "c"), Split.Fractions.DEFAULT, 1).train().size());
    }

    @Test
    void everySampleIsValidatedExactlyOnceInFoldsOfNearlyEqualSize() {
        List<Folds.Fold> folds = Folds.of(names, 5, 7);
        assertEquals(folds, Folds.of(names, 5, 7));
        List<String> validated = new ArrayList<>();
        for (Folds.Fold f : folds) {
            validated.addAll(f.validation());
            assertTrue(f.validation().size() == 4 || f.validation().size() == 5, f.toString());
            assertTrue(Collections.disjoint(f.train(), f.validation()));
            assertEquals(names.size(), f.train().size() + f.validation().size());
        }
        Collections.sort(validated);
        List<String> sorted = new ArrayList<>(names);
        Collections.sort(sorted);
        assertEquals(sorted, validated);
    }
}

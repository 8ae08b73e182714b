package fluffy.training.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        Split a = Split.of(names, 0.2, 42);
        assertEquals(a, Split.of(reversed, 0.2, 42), "the input order does not matter");
        assertNotEquals(a, Split.of(names, 0.2, 43));
        assertEquals(5, a.test().size());
        Set<String> all = new HashSet<>(a.trainVal());
        all.addAll(a.test());
        assertEquals(Set.copyOf(names), all);
        assertTrue(Collections.disjoint(a.trainVal(), a.test()));
        a.save(dir);
        assertEquals(a, Split.load(dir));
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

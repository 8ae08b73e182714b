package fluffy.training.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * k-fold cross-validation over train_val: shuffled with a seed, fold sizes differing by at most one, every
 * sample validated exactly once (the original's folds were contiguous and dropped the remainder).
 */
public final class Folds {

    /** One fold: what to train on and what to validate on. */
    public record Fold(int index, List<String> train, List<String> validation) {
    }

    private Folds() {
    }

    public static List<Fold> of(List<String> names, int k, long seed) {
        if (k < 2 || k > names.size()) {
            throw new IllegalArgumentException("cross-validation needs 2 <= folds <= samples (" + names.size()
                    + "), got " + k);
        }
        List<String> shuffled = new ArrayList<>(names);
        Collections.sort(shuffled);
        Collections.shuffle(shuffled, new Random(seed));
        List<Fold> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            List<String> validation = new ArrayList<>();
            List<String> train = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                (i % k == f ? validation : train).add(shuffled.get(i));
            }
            folds.add(new Fold(f, train, validation));
        }
        return folds;
    }
}

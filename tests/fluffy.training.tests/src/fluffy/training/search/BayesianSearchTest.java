package fluffy.training.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;

import fluffy.models.Hyperparameter;

class BayesianSearchTest {

    /** Branin over a log-scale rate (x1 = −5 + 15 u, u its position in decades) and an integer (x2). */
    static final List<Hyperparameter> BRANIN_SPACE = List.of(
            Hyperparameter.logReal("learning_rate", "", 1e-6, 1e-1, 1e-4),
            Hyperparameter.integer("width", "", 0, 15, 8));

    static double branin(Map<String, Object> p) {
        double u = Math.log10((Double) p.get("learning_rate") / 1e-6) / 5;
        double x1 = -5 + 15 * u;
        double x2 = (Integer) p.get("width");
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        return Math.pow(x2 - b * x1 * x1 + c * x1 - 6, 2) + 10 * (1 - t) * Math.cos(x1) + 10;
    }

    static double run(List<Hyperparameter> space, BayesianSearch.Settings settings, int budget,
            ToDoubleFunction<Map<String, Object>> objective) {
        BayesianSearch search = new BayesianSearch(space, settings);
        for (int i = 0; i < budget; i++) {
            Map<String, Object> p = search.next();
            search.tell(p, objective.applyAsDouble(p));
        }
        return search.best().orElseThrow().objective();
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    @Test
    void findsTheMinimumOfBraninClearlyBetterThanRandomSearch() {
        int budget = 25;
        int seeds = 7;
        double[] bayes = new double[seeds];
        double[] random = new double[seeds];
        for (int seed = 0; seed < seeds; seed++) {
            bayes[seed] = run(BRANIN_SPACE, new BayesianSearch.Settings(4, 2000, seed), budget, BayesianSearchTest::branin);
            // Random search: the same search with every proposal after the defaults random.
            random[seed] = run(BRANIN_SPACE, new BayesianSearch.Settings(budget, 2000, seed), budget,
                    BayesianSearchTest::branin);
        }
        // The global minimum is 0.398; with an integer x2 the best reachable is 0.432.
        double b = median(bayes);
        double r = median(random);
        assertTrue(b < 0.6, "Bayesian median best " + b + " " + Arrays.toString(bayes));
        assertTrue(b < r / 2, "Bayesian median best " + b + " vs random " + r + " " + Arrays.toString(random));
    }

    @Test
    void firstPointIsTheDefaultsAndEveryPointIsLegal() {
        BayesianSearch search = new BayesianSearch(EncodingTest.SPACE, BayesianSearch.Settings.defaults().withSeed(5));
        Map<String, Object> first = search.next();
        assertEquals(Map.of("learning_rate", 1e-4, "depth", 4, "optimizer", "adam", "batch", "16", "dropout", 0.1,
                "augment", true), first);
        search.tell(first, 0.5);
        for (int i = 0; i < 12; i++) {
            Map<String, Object> p = search.next();
            for (Hyperparameter h : EncodingTest.SPACE) {
                h.check(p.get(h.name()));
            }
            assertEquals(EncodingTest.SPACE.size(), p.size());
            double penalty = p.get("optimizer").equals("sgd") ? 0.3 : 0;
            search.tell(p, Math.abs(Math.log10((Double) p.get("learning_rate")) + 3) / 5 + penalty);
        }
        assertEquals(13, search.trials().size());
    }

    @Test
    void sameSeedGivesTheSameSequenceAndAnotherSeedAnother() {
        assertEquals(sequence(7), sequence(7));
        assertNotEquals(sequence(7), sequence(8));
    }

    private static List<Map<String, Object>> sequence(long seed) {
        BayesianSearch search = new BayesianSearch(BRANIN_SPACE, new BayesianSearch.Settings(3, 500, seed));
        List<Map<String, Object>> points = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Map<String, Object> p = search.next();
            points.add(p);
            search.tell(p, branin(p));
        }
        return points;
    }

    @Test
    void aSearchRebuiltFromItsTrialsContinuesAsTheOriginalWould() {
        BayesianSearch.Settings settings = new BayesianSearch.Settings(3, 500, 11);
        BayesianSearch original = new BayesianSearch(BRANIN_SPACE, settings);
        for (int i = 0; i < 6; i++) {
            Map<String, Object> p = original.next();
            original.tell(p, branin(p));
        }
        BayesianSearch resumed = new BayesianSearch(BRANIN_SPACE, settings);
        for (BayesianSearch.Trial t : original.trials()) {
            resumed.tell(t.point(), t.objective());
        }
        assertEquals(original.next(), resumed.next());
    }

    @Test
    void pendingPointsAreNotProposedTwice() {
        BayesianSearch search = new BayesianSearch(BRANIN_SPACE, new BayesianSearch.Settings(2, 500, 1));
        for (int i = 0; i < 4; i++) {
            Map<String, Object> p = search.next();
            search.tell(p, branin(p));
        }
        var asked = new HashSet<Map<String, Object>>();
        for (int i = 0; i < 4; i++) {
            assertTrue(asked.add(search.next()), "a pending point came again: " + asked);
        }
    }

    @Test
    void failedTrialsNeverCountAsBestAndTheSearchGoesOn() {
        BayesianSearch search = new BayesianSearch(BRANIN_SPACE, new BayesianSearch.Settings(2, 500, 3));
        for (int i = 0; i < 8; i++) {
            Map<String, Object> p = search.next();
            double rate = (Double) p.get("learning_rate");
            search.tell(p, rate > 1e-3 ? Double.NaN : branin(p));
        }
        BayesianSearch.Trial best = search.best().orElseThrow();
        assertTrue(Double.isFinite(best.objective()));
        assertTrue((Double) best.point().get("learning_rate") <= 1e-3);
    }

    @Test
    void aSmallDiscreteSpaceIsExploredWithoutRepeats() {
        var space = List.of(Hyperparameter.integer("depth", "", 1, 3, 2),
                Hyperparameter.choice("optimizer", "", List.of("adam", "rmsprop"), "adam"));
        BayesianSearch search = new BayesianSearch(space, new BayesianSearch.Settings(1, 200, 4));
        var seen = new HashSet<Map<String, Object>>();
        for (int i = 0; i < 6; i++) {
            Map<String, Object> p = search.next();
            seen.add(p);
            search.tell(p, (Integer) p.get("depth") + (p.get("optimizer").equals("adam") ? 0 : 0.5));
        }
        // 6 points in a space of 6: the random phase may repeat one, the GP phase must not.
        assertTrue(seen.size() >= 5, "distinct points " + seen);
        assertEquals(Map.of("depth", 1, "optimizer", "adam"), search.best().orElseThrow().point());
    }
}

package fluffy.training.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import fluffy.models.Hyperparameter;

/**
 * Bayesian hyperparameter optimisation by ask and tell: {@link #next()} proposes a point, the caller
 * evaluates it and reports the objective (to be minimised, e.g. 1 − validation score) with
 * {@link #tell}. The first proposal is the space's defaults, the next {@link Settings#initialPoints()}
 * are uniformly random, and the rest maximise the expected improvement of a Gaussian process (Matérn
 * 5/2, length scales and noise fitted by maximum likelihood) over the points told so far.
 * <p>
 * Deterministic: proposal number k depends only on the seed, k and the points and objectives told
 * before it. A search rebuilt by telling it the recorded trials therefore continues exactly as the
 * interrupted one would have. Proposals asked for but not yet told are "pending": the GP treats them as
 * if they had scored the best objective so far (a constant liar), so asking several times before telling
 * gives different points. An objective that is not finite (a trial that failed or diverged) is modelled
 * as the worst finite objective, so the search steers away from it, and never counts as the best.
 * Every proposed point passes {@link Hyperparameter#check} for its dimensions. Thread-safe.
 */
public final class BayesianSearch {

    /**
     * @param initialPoints random proposals after the defaults and before the GP takes over
     * @param candidates    random cube points scored per GP proposal before local refinement
     */
    public record Settings(int initialPoints, int candidates, long seed) {

        public Settings {
            if (initialPoints < 0 || candidates < 1) {
                throw new IllegalArgumentException("invalid search settings: " + initialPoints + " initial points, "
                        + candidates + " candidates");
            }
        }

        /** Four random points after the defaults, 2000 candidates, seed 0. */
        public static Settings defaults() {
            return new Settings(4, 2000, 0);
        }

        public Settings withSeed(long newSeed) {
            return new Settings(initialPoints, candidates, newSeed);
        }
    }

    /** A told point and its objective (NaN or infinite for a failed trial). */
    public record Trial(Map<String, Object> point, double objective) {

        public Trial {
            point = Collections.unmodifiableMap(new LinkedHashMap<>(point));
        }
    }

    /** Exploration margin of the expected improvement, in standard deviations of the objectives told. */
    private static final double XI = 0.01;

    private final Encoding encoding;
    private final Settings settings;
    private final List<Trial> trials = new ArrayList<>();
    private final List<double[]> told = new ArrayList<>();
    private final List<Map<String, Object>> pending = new ArrayList<>();

    /** @throws IllegalArgumentException when a name appears twice in the space */
    public BayesianSearch(List<Hyperparameter> space, Settings settings) {
        this.encoding = new Encoding(space);
        this.settings = settings;
    }

    public List<Hyperparameter> space() {
        return encoding.space();
    }

    /** The next point to evaluate: hyperparameter name to Integer, Double, Boolean or String (a choice). */
    public synchronized Map<String, Object> next() {
        int index = trials.size() + pending.size();
        Map<String, Object> point = index == 0 ? encoding.defaults() : propose(index);
        pending.add(point);
        return point;
    }

    /**
     * Reports the objective of a point, whether or not {@link #next()} proposed it (to resume a search
     * from its record, or to seed it with known results).
     *
     * @param objective the value to minimise; NaN or infinite marks a failed trial
     * @throws IllegalArgumentException when the point lacks a dimension, has an unknown one or an illegal value
     */
    public synchronized void tell(Map<String, ?> point, double objective) {
        double[] x = encoding.encode(point);
        pending.remove(point);
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (Hyperparameter h : encoding.space()) {
            ordered.put(h.name(), point.get(h.name()));
        }
        trials.add(new Trial(ordered, objective));
        told.add(x);
    }

    /** The told trial with the lowest finite objective (the earliest of equals). */
    public synchronized Optional<Trial> best() {
        return trials.stream().filter(t -> Double.isFinite(t.objective()))
                .min(Comparator.comparingDouble(Trial::objective));
    }

    /** Every told trial, in the order told. */
    public synchronized List<Trial> trials() {
        return List.copyOf(trials);
    }

    private Map<String, Object> propose(int index) {
        Random random = new Random(settings.seed() * 0x9E3779B97F4A7C15L + index);
        Optional<Trial> best = best();
        if (index <= settings.initialPoints() || best.isEmpty()) {
            return encoding.decode(encoding.random(random));
        }
        double bestObjective = best.get().objective();
        double worst = trials.stream().mapToDouble(Trial::objective).filter(Double::isFinite).max().orElseThrow();
        int n = trials.size() + pending.size();
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < trials.size(); i++) {
            x[i] = told.get(i);
            y[i] = Double.isFinite(trials.get(i).objective()) ? trials.get(i).objective() : worst;
        }
        for (int i = 0; i < pending.size(); i++) {
            x[trials.size() + i] = encoding.encode(pending.get(i));
            y[trials.size() + i] = bestObjective;
        }
        GaussianProcess gp;
        try {
            gp = KernelFit.fit(x, y);
        } catch (ArithmeticException e) {
            return encoding.decode(encoding.random(random));
        }
        double xi = XI * gp.scale();
        double[] incumbent = told.get(trials.indexOf(best.get()));
        double[] chosen = AcquisitionMaximiser.maximise(encoding,
                p -> ExpectedImprovement.of(gp.predict(p), bestObjective, xi), random, settings.candidates(), incumbent,
                p -> Arrays.stream(x).anyMatch(q -> Arrays.equals(p, q)));
        return encoding.decode(chosen);
    }
}

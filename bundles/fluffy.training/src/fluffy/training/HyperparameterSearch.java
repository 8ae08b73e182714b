package fluffy.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

import fluffy.models.Hyperparameter;
import fluffy.models.HyperparameterValues;
import fluffy.models.ModelType;
import fluffy.runtime.session.SessionException;
import fluffy.training.data.Folds;
import fluffy.training.data.Sample;
import fluffy.training.search.BayesianSearch;

/**
 * The original's Bayesian optimisation, done right: a Gaussian-process search over the model type's
 * hyperparameters plus learning rate, batch size and optimizer, defaults first; each trial trains every
 * fold of a shuffled k-fold split of train_val for a few epochs and scores the validation object F1 at the
 * end of the trial (not averaged over epochs), averaged over folds. A trial whose first fold scores far
 * below the best so far is stopped early. Every trial, fold and score is reported to the listener.
 */
public final class HyperparameterSearch {

    public static final String LEARNING_RATE = "learning_rate";
    public static final String BATCH = "batch";
    public static final String OPTIMIZER = "optimizer";

    /** How a trial's fold went. */
    public record FoldScore(int trial, int fold, Map<String, Object> point, double f1, double dice, double valLoss,
            double seconds) {
    }

    /** A finished trial: its point, the fold scores, their mean, and whether it was stopped early. */
    public record TrialResult(int trial, Map<String, Object> point, List<FoldScore> folds, double score,
            boolean stoppedEarly) {
    }

    /** The best point split into the model type's values and training settings. */
    public record Best(HyperparameterValues values, TrainingSettings settings, double score) {
    }

    /** Hears about folds and trials as they finish. */
    public interface Listener {
        void foldFinished(FoldScore score);

        void trialFinished(TrialResult trial);

        /** The trial that was running when the search was cancelled, with the folds it finished. */
        default void trialCancelled(int trial, Map<String, Object> point, List<FoldScore> finishedFolds) {
        }
    }

    /**
     * How much to search: {@code trials} points, each trained on every one of {@code folds} folds of
     * train_val for {@code epochsPerTrial} epochs. {@link #defaults} is the one home of the default values.
     */
    public record Plan(int trials, int folds, int epochsPerTrial) {

        public Plan {
            if (trials < 1 || folds < 2 || epochsPerTrial < 1) {
                throw new IllegalArgumentException("a search needs at least 1 trial, 2 folds and 1 epoch per trial, got "
                        + trials + ", " + folds + " and " + epochsPerTrial);
            }
        }

        public static Plan defaults() {
            return new Plan(12, 5, 10);
        }

        public Plan withTrials(int n) {
            return new Plan(n, folds, epochsPerTrial);
        }

        public Plan withFolds(int n) {
            return new Plan(trials, n, epochsPerTrial);
        }

        public Plan withEpochsPerTrial(int n) {
            return new Plan(trials, folds, n);
        }
    }

    private static final double EARLY_STOP_MARGIN = 0.25;

    /**
     * The search space: the model type's hyperparameters and three training settings, each starting (the
     * first trial) from the values the user gave.
     */
    public static List<Hyperparameter> space(ModelType type, HyperparameterValues start, TrainingSettings base) {
        List<Hyperparameter> space = new ArrayList<>();
        for (Hyperparameter h : type.hyperparameters()) {
            space.add(new Hyperparameter(h.name(), h.description(), h.kind(), h.min(), h.max(),
                    start.asMap().get(h.name()), h.choices()));
        }
        space.add(Hyperparameter.logReal(LEARNING_RATE, "Peak learning rate", 1e-4, 1e-2,
                Math.min(1e-2, Math.max(1e-4, base.learningRate()))));
        List<String> batches = List.of("2", "4", "8", "16");
        String batch = batches.contains(Integer.toString(base.batchSize())) ? Integer.toString(base.batchSize()) : "8";
        space.add(Hyperparameter.choice(BATCH, "Images per step", batches, batch));
        List<String> optimizers = List.of("adam", "rmsprop", "adamw", "sgd");
        space.add(Hyperparameter.choice(OPTIMIZER, "Optimizer", optimizers,
                optimizers.contains(base.optimizer()) ? base.optimizer() : "adam"));
        return space;
    }

    /**
     * Runs the search, or resumes it: the {@code finished} trials (of an earlier, cancelled run of the same
     * search) are told to the optimiser in order, which proposes the same next points as it would have,
     * and the search goes on from the trial after them.
     *
     * @param samplesFor the samples of a list of names with targets for given hyperparameters (targets
     *                   depend on them, e.g. the border width)
     * @throws OperationCanceledException when the monitor is cancelled; the interrupted trial has been
     *                                    reported to {@link Listener#trialCancelled} and is not told
     */
    public Best search(ModelType type, HyperparameterValues start, TrainingSettings base, List<String> trainVal,
            SampleSource samplesFor, Plan plan, List<TrialResult> finished, IProgressMonitor monitor,
            Listener listener, Consumer<String> log) throws SessionException {
        List<Hyperparameter> space = space(type, start, base);
        BayesianSearch search = new BayesianSearch(space, BayesianSearch.Settings.defaults().withSeed(base.seed()));
        List<Folds.Fold> split = Folds.of(trainVal, plan.folds(), base.seed());
        SubMonitor progress = SubMonitor.convert(monitor, "Hyperparameter search",
                Math.max(0, plan.trials() - finished.size()) * plan.folds());
        double bestScore = Double.NEGATIVE_INFINITY;
        for (TrialResult done : finished) {
            search.tell(done.point(), Double.isFinite(done.score()) ? 1 - done.score() : Double.NaN);
            if (!done.stoppedEarly() && done.score() > bestScore) {
                bestScore = done.score();
            }
        }
        if (!finished.isEmpty()) {
            log.accept("resuming the search after trial " + finished.size() + " of " + plan.trials());
        }
        for (int t = finished.size() + 1; t <= plan.trials(); t++) {
            Map<String, Object> point = search.next();
            HyperparameterValues values = modelValues(type, point);
            TrainingSettings settings = trainingSettings(base, point, plan.epochsPerTrial());
            log.accept("trial " + t + ": " + point);
            List<FoldScore> scores = new ArrayList<>();
            boolean stopped = false;
            for (Folds.Fold fold : split) {
                if (progress.isCanceled()) {
                    throw cancelled(listener, t, point, scores);
                }
                long began = System.nanoTime();
                List<Sample> train = samplesFor.load(fold.train(), values);
                List<Sample> validation = samplesFor.load(fold.validation(), values);
                Trainer.Outcome o;
                try {
                    o = new Trainer().train(type, values, train, validation,
                            settings.withSeed(base.seed() + 1000L * t + fold.index()), Trainer.Start.fresh(),
                            progress.split(1), TrainingListener.NONE);
                } catch (OperationCanceledException e) {
                    throw cancelled(listener, t, point, scores); // SubMonitor.split checks for cancellation too
                }
                if (o.cancelled() || o.history().isEmpty()) {
                    // A fold stopped inside its epochs has no score: the trial is cancelled, not scored.
                    throw cancelled(listener, t, point, scores);
                }
                EpochResult end = o.history().get(o.history().size() - 1);
                FoldScore score = new FoldScore(t, fold.index() + 1, point, end.valF1(), end.valDice(), end.valLoss(),
                        (System.nanoTime() - began) / 1e9);
                scores.add(score);
                listener.foldFinished(score);
                if (fold.index() == 0 && plan.folds() > 1 && end.valF1() < bestScore - EARLY_STOP_MARGIN) {
                    stopped = true;
                    progress.worked(plan.folds() - 1);
                    break;
                }
            }
            double mean = scores.stream().mapToDouble(FoldScore::f1).average().orElse(Double.NaN);
            search.tell(point, Double.isFinite(mean) ? 1 - mean : Double.NaN);
            if (!stopped && mean > bestScore) {
                bestScore = mean;
            }
            listener.trialFinished(new TrialResult(t, point, scores, mean, stopped));
        }
        BayesianSearch.Trial best = search.best().orElseThrow(() -> new IllegalStateException("no trial finished"));
        return new Best(modelValues(type, best.point()), trainingSettings(base, best.point(), base.epochs()),
                1 - best.objective());
    }

    private static OperationCanceledException cancelled(Listener listener, int trial, Map<String, Object> point,
            List<FoldScore> folds) {
        listener.trialCancelled(trial, point, List.copyOf(folds));
        return new OperationCanceledException("the search was cancelled in trial " + trial);
    }

    /** Loads samples by name with targets for the given hyperparameters. */
    @FunctionalInterface
    public interface SampleSource {
        List<Sample> load(List<String> names, HyperparameterValues values);
    }

    static HyperparameterValues modelValues(ModelType type, Map<String, Object> point) {
        Map<String, Object> own = new LinkedHashMap<>();
        for (Hyperparameter h : type.hyperparameters()) {
            own.put(h.name(), point.get(h.name()));
        }
        return HyperparameterValues.of(type.hyperparameters(), own);
    }

    static TrainingSettings trainingSettings(TrainingSettings base, Map<String, Object> point, int epochs) {
        return base.withOptimizer((String) point.get(OPTIMIZER))
                .withLearningRate(((Number) point.get(LEARNING_RATE)).doubleValue())
                .withBatchSize(Integer.parseInt((String) point.get(BATCH))).withEpochs(epochs);
    }

    /**
     * Keeps the samples of the latest hyperparameters, so the folds of a trial load each image once while
     * memory holds one set of targets at a time.
     */
    public static SampleSource cached(SampleSource source) {
        Map<String, Sample> cache = new HashMap<>();
        String[] cachedFor = {null};
        return (names, values) -> {
            if (!values.encode().equals(cachedFor[0])) {
                cache.clear();
                cachedFor[0] = values.encode();
            }
            List<String> missing = names.stream().filter(n -> !cache.containsKey(n)).toList();
            if (!missing.isEmpty()) {
                for (Sample s : source.load(missing, values)) {
                    cache.put(s.name(), s);
                }
            }
            return names.stream().filter(cache::containsKey).map(cache::get).toList();
        };
    }
}

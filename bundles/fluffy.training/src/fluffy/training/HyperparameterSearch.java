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
 * end of the trial (not averaged over epochs), averaged over folds. Trials are proposed in rounds of
 * {@link Plan#parallel} and trained by a {@link TrialExecutor} (here, or as SLURM jobs). Every trial, fold
 * and score is reported to the listener.
 */
public final class HyperparameterSearch {

    public static final String LEARNING_RATE = "learning_rate";
    public static final String BATCH = "batch";
    public static final String OPTIMIZER = "optimizer";

    /** How a trial's fold went. */
    public record FoldScore(int trial, int fold, Map<String, Object> point, double f1, double dice, double valLoss,
            double seconds) {
    }

    /**
     * A finished trial: its point, the fold scores, their mean, and whether it was stopped early or failed.
     *
     * @param round   the round it was proposed in (trials of a round are proposed together)
     * @param failure why the trial has no score (a fold's training crashed or ran out of time); null when
     *                it has one
     */
    public record TrialResult(int trial, int round, Map<String, Object> point, List<FoldScore> folds, double score,
            boolean stoppedEarly, String failure) {

        /** The result of a proposal's folds: their mean score, or NaN for a failed trial. */
        public static TrialResult of(TrialExecutor.Proposal p, List<FoldScore> folds, boolean stoppedEarly,
                String failure) {
            double mean = failure != null ? Double.NaN
                    : folds.stream().mapToDouble(FoldScore::f1).average().orElse(Double.NaN);
            return new TrialResult(p.trial(), p.round(), p.point(), List.copyOf(folds), mean, stoppedEarly, failure);
        }
    }

    /**
     * A trial in the record of an earlier, interrupted run of the same search: proposed in {@code round}, and
     * {@code finished} (completed, stopped early or failed), or null when it is to be trained again.
     */
    public record Recorded(int trial, int round, Map<String, Object> point, TrialResult finished) {
    }

    /** The best point split into the model type's values and training settings. */
    public record Best(HyperparameterValues values, TrainingSettings settings, double score) {
    }

    /** Hears about folds and trials as they finish. */
    public interface Listener {
        void foldFinished(FoldScore score);

        void trialFinished(TrialResult trial);

        /** A round's trials, proposed together, before any of them is trained (so a record can keep their points). */
        default void roundProposed(List<TrialExecutor.Proposal> proposals) {
        }

        /** The trial that was running when the search was cancelled, with the folds it finished. */
        default void trialCancelled(int trial, Map<String, Object> point, List<FoldScore> finishedFolds) {
        }
    }

    /**
     * How much to search: {@code trials} points, each trained on every one of {@code folds} folds of
     * train_val for {@code epochsPerTrial} epochs, proposed {@code parallel} at a time (a round), so that an
     * executor can train a round's trials at once. {@link #defaults} is the one home of the default values.
     */
    public record Plan(int trials, int folds, int epochsPerTrial, int parallel) {

        public Plan {
            if (trials < 1 || folds < 2 || epochsPerTrial < 1 || parallel < 1) {
                throw new IllegalArgumentException("a search needs at least 1 trial, 2 folds, 1 epoch per trial and "
                        + "1 trial per round, got " + trials + ", " + folds + ", " + epochsPerTrial + " and " + parallel);
            }
        }

        public Plan(int trials, int folds, int epochsPerTrial) {
            this(trials, folds, epochsPerTrial, 1);
        }

        public static Plan defaults() {
            return new Plan(12, 5, 10, 1);
        }

        public Plan withTrials(int n) {
            return new Plan(n, folds, epochsPerTrial, parallel);
        }

        public Plan withFolds(int n) {
            return new Plan(trials, n, epochsPerTrial, parallel);
        }

        public Plan withEpochsPerTrial(int n) {
            return new Plan(trials, folds, n, parallel);
        }

        public Plan withParallel(int n) {
            return new Plan(trials, folds, epochsPerTrial, n);
        }
    }

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
     * Runs the search, or resumes it. Each round proposes {@link Plan#parallel} points at once (the optimiser
     * treats the round's pending points as scoring the best so far, a constant liar, so they differ), the
     * executor trains them, and the round's results are told in trial order. A resumed search tells the
     * {@code recorded} rounds that finished, trains again the unfinished trials of the round that was
     * interrupted (with their recorded points), and goes on: it proposes the same points as the
     * uninterrupted search would have.
     *
     * @throws OperationCanceledException when the monitor is cancelled; the interrupted trial has been
     *                                    reported to {@link Listener#trialCancelled} and is not told
     */
    public Best search(ModelType type, HyperparameterValues start, TrainingSettings base, List<String> trainVal,
            TrialExecutor executor, Plan plan, List<Recorded> recorded, IProgressMonitor monitor, Listener listener,
            Consumer<String> log) throws SessionException {
        List<Hyperparameter> space = space(type, start, base);
        BayesianSearch search = new BayesianSearch(space, BayesianSearch.Settings.defaults().withSeed(base.seed()));
        List<Folds.Fold> split = Folds.of(trainVal, plan.folds(), base.seed());
        double bestScore = Double.NEGATIVE_INFINITY;
        int told = 0;
        int round = 0;
        List<Recorded> interrupted = List.of();
        for (List<Recorded> r : rounds(recorded)) {
            if (r.stream().anyMatch(t -> t.finished() == null)) {
                interrupted = r;
                break;
            }
            for (Recorded t : r) {
                bestScore = tell(search, t.finished(), bestScore);
            }
            told += r.size();
            round = r.get(0).round();
        }
        if (told > 0 || !interrupted.isEmpty()) {
            log.accept("resuming the search after trial " + told + " of " + plan.trials());
        }
        SubMonitor progress = SubMonitor.convert(monitor, "Hyperparameter search",
                Math.max(0, plan.trials() - told) * plan.folds());
        while (told < plan.trials()) {
            List<TrialExecutor.Proposal> proposals = new ArrayList<>();
            List<TrialResult> results = new ArrayList<>();
            if (interrupted.isEmpty()) {
                round++;
                int q = Math.min(plan.parallel(), plan.trials() - told);
                for (int i = 1; i <= q; i++) {
                    proposals.add(proposal(type, base, plan, told + i, round, search.next()));
                }
                listener.roundProposed(List.copyOf(proposals));
            } else {
                round = interrupted.get(0).round();
                for (Recorded t : interrupted) {
                    if (t.finished() != null) {
                        results.add(t.finished());
                    } else {
                        proposals.add(proposal(type, base, plan, t.trial(), round, t.point()));
                    }
                }
                progress.worked(results.size() * plan.folds());
                interrupted = List.of();
            }
            for (TrialExecutor.Proposal p : proposals) {
                log.accept("trial " + p.trial() + (plan.parallel() > 1 ? " (round " + round + ")" : "") + ": "
                        + p.point());
            }
            if (!proposals.isEmpty()) {
                results.addAll(executor.run(new TrialExecutor.Round(round, proposals, split, bestScore),
                        progress.split(proposals.size() * plan.folds()), listener));
            }
            results.sort(java.util.Comparator.comparingInt(TrialResult::trial));
            for (TrialResult r : results) {
                bestScore = tell(search, r, bestScore);
                if (r.failure() != null) {
                    log.accept("trial " + r.trial() + " failed: " + r.failure());
                }
            }
            told += results.size();
        }
        BayesianSearch.Trial best = search.best().orElseThrow(() -> new IllegalStateException(
                "no trial of the search has a score (every one failed)"));
        return new Best(modelValues(type, best.point()), trainingSettings(base, best.point(), base.epochs()),
                1 - best.objective());
    }

    private static TrialExecutor.Proposal proposal(ModelType type, TrainingSettings base, Plan plan, int trial,
            int round, Map<String, Object> point) {
        return new TrialExecutor.Proposal(trial, round, point, modelValues(type, point),
                trainingSettings(base, point, plan.epochsPerTrial()));
    }

    /** Tells the optimiser a trial's result; returns the best score of trials that ran to the end. */
    private static double tell(BayesianSearch search, TrialResult r, double best) {
        search.tell(r.point(), Double.isFinite(r.score()) ? 1 - r.score() : Double.NaN);
        return !r.stoppedEarly() && Double.isFinite(r.score()) && r.score() > best ? r.score() : best;
    }

    /**
     * The recorded trials by round, in order, from trial 1 on without gaps (a record is cut at its first
     * gap: what follows it cannot be told in the order it was proposed).
     */
    private static List<List<Recorded>> rounds(List<Recorded> recorded) {
        List<Recorded> sorted = recorded.stream().sorted(java.util.Comparator.comparingInt(Recorded::trial)).toList();
        List<List<Recorded>> rounds = new ArrayList<>();
        int expected = 1;
        for (Recorded t : sorted) {
            if (t.trial() != expected++) {
                break;
            }
            if (rounds.isEmpty() || rounds.get(rounds.size() - 1).get(0).round() != t.round()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(rounds.size() - 1).add(t);
        }
        return rounds;
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

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
     * @param samplesFor the samples of a list of names with targets for given hyperparameters (targets
     *                   depend on them, e.g. the border width)
     */
    public Best search(ModelType type, HyperparameterValues start, TrainingSettings base, List<String> trainVal,
            SampleSource samplesFor, int trials, int folds, int epochsPerTrial, IProgressMonitor monitor,
            Listener listener, Consumer<String> log) throws SessionException {
        List<Hyperparameter> space = space(type, start, base);
        BayesianSearch search = new BayesianSearch(space, BayesianSearch.Settings.defaults().withSeed(base.seed()));
        List<Folds.Fold> split = Folds.of(trainVal, folds, base.seed());
        SubMonitor progress = SubMonitor.convert(monitor, "Hyperparameter search", trials * folds);
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int t = 1; t <= trials; t++) {
            Map<String, Object> point = search.next();
            HyperparameterValues values = modelValues(type, point);
            TrainingSettings settings = trainingSettings(base, point, epochsPerTrial);
            log.accept("trial " + t + ": " + point);
            List<FoldScore> scores = new ArrayList<>();
            boolean stopped = false;
            for (Folds.Fold fold : split) {
                if (progress.isCanceled()) {
                    throw new OperationCanceledException();
                }
                long began = System.nanoTime();
                List<Sample> train = samplesFor.load(fold.train(), values);
                List<Sample> validation = samplesFor.load(fold.validation(), values);
                Trainer.Outcome o = new Trainer().train(type, values, train, validation,
                        settings.withSeed(base.seed() + 1000L * t + fold.index()), Trainer.Start.fresh(),
                        progress.split(1), TrainingListener.NONE);
                EpochResult end = o.history().get(o.history().size() - 1);
                FoldScore score = new FoldScore(t, fold.index() + 1, point, end.valF1(), end.valDice(), end.valLoss(),
                        (System.nanoTime() - began) / 1e9);
                scores.add(score);
                listener.foldFinished(score);
                if (fold.index() == 0 && folds > 1 && end.valF1() < bestScore - EARLY_STOP_MARGIN) {
                    stopped = true;
                    progress.worked(folds - 1);
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
        return new TrainingSettings((String) point.get(OPTIMIZER), ((Number) point.get(LEARNING_RATE)).doubleValue(),
                Integer.parseInt((String) point.get(BATCH)), base.crop(), epochs, base.stepsPerEpoch(), base.timeBudget(),
                base.seed(), base.augmentation(), base.session());
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

package fluffy.training;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import fluffy.models.HyperparameterValues;
import fluffy.models.ModelType;
import fluffy.onnx.autodiff.GradientRules;
import fluffy.onnx.nn.Graphs;
import fluffy.onnx.nn.NetworkDefinition;
import fluffy.onnx.nn.Weights;
import fluffy.onnx.optim.Optimizer;
import fluffy.runtime.session.BatchNormCalibration;
import fluffy.runtime.session.SessionException;
import fluffy.runtime.session.TrainingSession;
import fluffy.training.data.Prefetcher;
import fluffy.training.data.Sample;
import fluffy.training.data.Sampler;

/**
 * Trains one model: epochs of random-crop steps, validation on whole images after each epoch, the best
 * epoch's weights kept. The learning rate follows {@link Schedule}. Cancelling (through the monitor) stops at a step boundary and
 * returns everything needed to resume from the start of the interrupted epoch.
 */
public final class Trainer {

    /** Where a training starts: fresh weights, or a checkpoint to fine-tune or resume from. */
    public record Start(Weights weights, Weights optimizerState, long completedSteps, int completedEpochs,
            List<EpochResult> history) {

        public Start {
            history = List.copyOf(history);
        }

        public static Start fresh() {
            return new Start(null, null, 0, 0, List.of());
        }

        /** New optimizer state and epochs over existing weights. */
        public static Start fineTune(Weights weights) {
            return new Start(weights, null, 0, 0, List.of());
        }
    }

    /**
     * @param best       weights of the best epoch of this call (by validation object F1; without validation images
     *                   the last epoch), or null when a resumed training found nothing better than before
     * @param last       weights at the end, with {@code optimizerState} and {@code completedSteps} to resume
     * @param cancelled  whether training stopped because the monitor was cancelled
     */
    public record Outcome(Weights best, int bestEpoch, double bestScore, Weights last, Weights optimizerState,
            long completedSteps, int completedEpochs, List<EpochResult> history, boolean cancelled) {

        /** No training happened (e.g. cancelled before it began). */
        public static Outcome none(boolean cancelled) {
            return new Outcome(null, -1, Double.NaN, null, null, 0, 0, List.of(), cancelled);
        }
    }

    /** Saves the state after each epoch, so a crashed run can resume; the outcome so far is passed in. */
    @FunctionalInterface
    public interface Checkpoints {
        void epochDone(Outcome soFar) throws java.io.IOException;

        Checkpoints NONE = o -> {
        };
    }

    /**
     * How weights did on whole images: what validation measures every epoch and the test split once.
     *
     * @param diameter the median diameter of the objects the weights found, in pixels (NaN: none found)
     */
    public record Scores(int images, double loss, double dice, double f1, double diameter) {
    }

    /**
     * Scores weights once on whole images with the same measure as validation (the run's test split, after
     * training: never used for a choice).
     */
    public Scores score(ModelType type, HyperparameterValues values, Weights weights, List<Sample> samples,
            TrainingSettings settings) throws SessionException {
        NetworkDefinition network = type.network(values, samples.isEmpty() ? 1 : samples.get(0).channels());
        Graphs.Built trainingGraph = Graphs.training(network, Optimizer.of(settings.optimizer()), GradientRules.standard(),
                settings.seed());
        try (TrainingSession session = new TrainingSession(trainingGraph, Graphs.evaluation(network), weights, null, 0,
                settings.session())) {
            Validation.Scores s = Validation.score(session, type, values, network.sizeMultiple(), samples);
            return new Scores(samples.size(), s.loss(), s.dice(), s.f1(), s.diameter());
        }
    }

    public Outcome train(ModelType type, HyperparameterValues values, List<Sample> train, List<Sample> validation,
            TrainingSettings settings, Start start, IProgressMonitor monitor, TrainingListener listener)
            throws SessionException {
        return train(type, values, train, validation, settings, start, monitor, listener, Checkpoints.NONE);
    }

    public Outcome train(ModelType type, HyperparameterValues values, List<Sample> train, List<Sample> validation,
            TrainingSettings settings, Start start, IProgressMonitor monitor, TrainingListener listener,
            Checkpoints checkpoints) throws SessionException {
        // As many input planes as the samples have channels (one grey plane unless channels were chosen).
        NetworkDefinition network = type.network(values, train.isEmpty() ? 1 : train.get(0).channels());
        Graphs.Built trainingGraph = Graphs.training(network, Optimizer.of(settings.optimizer()), GradientRules.standard(),
                settings.seed());
        Weights initial = start.weights() != null ? start.weights() : Weights.initialize(trainingGraph.specs(), settings.seed());
        List<EpochResult> history = new ArrayList<>(start.history());
        SubMonitor progress = SubMonitor.convert(monitor, "Training " + type.name(),
                (settings.epochs() - start.completedEpochs()) * settings.stepsPerEpoch());
        Weights best = null;
        int bestEpoch = -1;
        double bestScore = history.stream().filter(EpochResult::best).mapToDouble(Trainer::score).max().orElse(-1);
        Schedule schedule = new Schedule(settings);
        try (TrainingSession session = new TrainingSession(trainingGraph, Graphs.evaluation(network), initial,
                start.optimizerState(), start.completedSteps(), settings.session());
                BatchNormCalibration calibration = new BatchNormCalibration(Graphs.statistics(network),
                        settings.session());
                Prefetcher batches = new Prefetcher(new Sampler(train, settings.crop(), settings.batchSize(),
                        settings.augmentation(), labels -> type.targets(labels, values),
                        settings.seed() + start.completedEpochs()))) {
            int epoch = start.completedEpochs();
            while (epoch < settings.epochs()) {
                long epochStart = System.nanoTime();
                double lossSum = 0;
                double lr = 0;
                for (int step = 0; step < settings.stepsPerEpoch(); step++) {
                    if (progress.isCanceled()) {
                        return new Outcome(best, bestEpoch, bestScore, session.weights(), session.optimizerState(),
                                session.completedSteps(), epoch, history, true);
                    }
                    lr = schedule.learningRate(epoch * settings.stepsPerEpoch() + step);
                    lossSum += session.step(batches.next(), (float) lr);
                    progress.worked(1);
                }
                calibrate(calibration, session, batches);
                Validation.Scores scores = validation.isEmpty() ? new Validation.Scores(Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN)
                        : Validation.score(session, type, values, network.sizeMultiple(), validation);
                double score = validation.isEmpty() ? epoch : scores.f1() + 1e-3 * scores.dice();
                boolean improved = score > bestScore;
                if (improved) {
                    best = session.weights();
                    bestEpoch = epoch;
                    bestScore = score;
                }
                double seconds = (System.nanoTime() - epochStart) / 1e9;
                EpochResult result = new EpochResult(epoch + 1, lossSum / settings.stepsPerEpoch(), scores.loss(),
                        scores.dice(), scores.f1(), lr, seconds, improved);
                history.add(result);
                listener.epochFinished(result);
                epoch++;
                try {
                    checkpoints.epochDone(new Outcome(best, bestEpoch, bestScore, session.weights(),
                            session.optimizerState(), session.completedSteps(), epoch, history, false));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("could not save the checkpoint: " + e.getMessage(), e);
                }
                if (schedule.outOfTime(seconds) || stoppedEarly(history, settings.patience())) {
                    break;
                }
                progress.setWorkRemaining((settings.epochs() - epoch) * settings.stepsPerEpoch());
            }
            Weights last = session.weights();
            return new Outcome(best, bestEpoch, bestScore, last, session.optimizerState(),
                    session.completedSteps(), epoch, history, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training was interrupted", e);
        }
    }

    /**
     * Batches of training crops whose statistics become the running statistics after each epoch: 16 of 8
     * crops of 128² hold about two million pixels per channel, enough for a stable mean and variance.
     */
    static final int CALIBRATION_BATCHES = 16;

    /**
     * Gives batch norm the statistics of the current weights before they are validated or kept (see
     * {@link BatchNormCalibration}): without this, validation F1 on whole images swung between epochs
     * while the training loss fell steadily.
     */
    private static void calibrate(BatchNormCalibration calibration, TrainingSession session, Prefetcher batches)
            throws SessionException, InterruptedException {
        if (!calibration.applies()) {
            return;
        }
        List<fluffy.runtime.session.Batch> sample = new ArrayList<>();
        for (int i = 0; i < CALIBRATION_BATCHES; i++) {
            sample.add(batches.next());
        }
        calibration.calibrate(session, sample);
    }

    /**
     * Whether the last {@code patience} epochs all failed to beat the best before them (early stopping on the
     * validation score; patience 0 never stops).
     */
    public static boolean stoppedEarly(List<EpochResult> history, int patience) {
        if (patience <= 0 || history.size() <= patience) {
            return false;
        }
        return history.subList(history.size() - patience, history.size()).stream().noneMatch(EpochResult::best);
    }

    private static double score(EpochResult r) {
        return r.valF1() + 1e-3 * r.valDice();
    }
}

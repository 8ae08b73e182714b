package fluffy.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import fluffy.core.image.Normalization;
import fluffy.models.HyperparameterValues;
import fluffy.models.ModelPackage;
import fluffy.models.ModelType;
import fluffy.runtime.session.SessionException;
import fluffy.training.data.ProcessedFolder;
import fluffy.training.data.Sample;
import fluffy.training.data.Split;
import fluffy.training.records.EpochLog;
import fluffy.training.records.SearchRecord;
import fluffy.training.records.TensorBoardWriter;

/**
 * The final training of a run, as the original's {@code train_model.py} did it after its search, done
 * right: a seeded 80/20 split saved in the run folder and reused, training on train_val with the test set
 * as validation, the best epoch kept as {@code model.onnx}, and a checkpoint after every epoch
 * ({@code checkpoint.onnx} + its state) from which a cancelled or crashed run resumes.
 */
public final class TrainingRun {

    public static final String MODEL_FILE = "model.onnx";
    public static final String CHECKPOINT_FILE = "checkpoint.onnx";
    public static final String SPLIT_FOLDER = "split";
    public static final String EPOCH_LOG = "epochs.csv";
    public static final String TENSORBOARD_FOLDER = "tensorboard";
    public static final String SEARCH_CSV = "search.csv";
    public static final String SEARCH_JSON = "search.json";

    /**
     * @param data            a Processed/ folder (images/ + masks/) or a workspace containing one
     * @param hyperparameters the model type's values (search results or defaults)
     * @param resume          continue from the run folder's checkpoint when there is one
     * @param initFrom        a model file to fine-tune from, or null
     */
    public record Request(Path data, Path runDir, ModelType type, HyperparameterValues hyperparameters,
            TrainingSettings settings, double testFraction, boolean resume, Path initFrom, SearchPlan search) {

        public Request(Path data, Path runDir, ModelType type, HyperparameterValues hyperparameters,
                TrainingSettings settings, double testFraction, boolean resume, Path initFrom) {
            this(data, runDir, type, hyperparameters, settings, testFraction, resume, initFrom, null);
        }
    }

    /**
     * A hyperparameter search before the final training: {@code trials} points, each trained on every one
     * of {@code folds} folds for {@code epochsPerTrial} epochs. With a time budget, the search gets half.
     */
    public record SearchPlan(int trials, int folds, int epochsPerTrial, HyperparameterSearch.Listener listener) {
    }

    /** Where the model is and how it did on the held-out test split. */
    public record Result(Path model, Trainer.Outcome outcome, List<String> problems) {

        public EpochResult bestEpoch() {
            return outcome.history().stream().filter(EpochResult::best).reduce((a, b) -> b).orElse(null);
        }
    }

    public Result run(Request request, IProgressMonitor monitor, TrainingListener listener, Consumer<String> log)
            throws IOException, SessionException {
        long began = System.nanoTime();
        SubMonitor progress = SubMonitor.convert(monitor, 10);
        Files.createDirectories(request.runDir());
        Path folder = ProcessedFolder.resolve(request.data());
        Split split = splitFor(folder, request, log);
        List<String> problems = new ArrayList<>();
        Consumer<String> problem = p -> {
            problems.add(p);
            log.accept(p);
        };
        Normalization normalization = Normalization.DEFAULT;
        HyperparameterValues values = request.hyperparameters();
        TrainingSettings settings = request.settings();
        Trainer.Start start = start(request, log);
        Path saved = request.runDir().resolve(CHECKPOINT_FILE);
        if (start.completedEpochs() > 0) {
            // A resumed run continues with what it was trained with, whatever the search or defaults say now.
            ModelPackage checkpointed = ModelPackage.read(saved, id -> request.type());
            values = checkpointed.hyperparameters();
            settings = TrainingSettings.from(checkpointed.training(), settings);
        }
        if (request.search() != null && start.completedEpochs() == 0 && start.weights() == null) {
            HyperparameterSearch.Best best = search(request, folder, split, normalization, problem, progress.split(5), log);
            values = best.values();
            settings = best.settings().withEpochs(settings.epochs(), remaining(settings, began));
            log.accept(String.format(Locale.ROOT, "search: best cross-validated object F1 %.4f with %s, %s, lr %.2e, "
                    + "batch %d", best.score(), values, settings.optimizer(), settings.learningRate(),
                    settings.batchSize()));
        }
        Request effective = new Request(request.data(), request.runDir(), request.type(), values, settings,
                request.testFraction(), request.resume(), request.initFrom(), request.search());
        List<Sample> train = ProcessedFolder.load(folder, split.trainVal(), request.type(), values, normalization,
                problem);
        List<Sample> test = ProcessedFolder.load(folder, split.test(), request.type(), values, normalization, problem);
        if (train.isEmpty()) {
            throw new IOException(folder + ": no usable training pairs");
        }
        Path checkpoint = request.runDir().resolve(CHECKPOINT_FILE);
        Path modelFile = request.runDir().resolve(MODEL_FILE);
        Trainer.Checkpoints save = soFar -> save(effective, soFar, train.size(), test.size(), modelFile, checkpoint);
        Trainer.Outcome outcome;
        Path epochsFile = request.runDir().resolve(EPOCH_LOG);
        try (EpochLog epochs = start.completedEpochs() > 0 ? EpochLog.resume(epochsFile, start.completedEpochs())
                : EpochLog.create(epochsFile);
                TensorBoardWriter board = TensorBoardWriter.create(request.runDir().resolve(TENSORBOARD_FOLDER))) {
            TrainingListener recording = epoch -> {
                try {
                    epochs.append(epoch);
                    board.epoch(epoch);
                } catch (IOException e) {
                    log.accept("could not write the epoch log: " + e.getMessage());
                }
                listener.epochFinished(epoch);
            };
            outcome = new Trainer().train(request.type(), values, train, test, settings, start,
                    progress.split(request.search() == null ? 9 : 4), recording, save);
        }
        save(effective, outcome, train.size(), test.size(), modelFile, checkpoint);
        return new Result(modelFile, outcome, problems);
    }

    private static HyperparameterSearch.Best search(Request request, Path folder, Split split,
            Normalization normalization, Consumer<String> problem, IProgressMonitor monitor, Consumer<String> log)
            throws SessionException {
        SearchPlan plan = request.search();
        TrainingSettings base = request.settings();
        if (base.timeBudget() != null) {
            // Half the budget for the search, shared by every fold of every trial.
            Duration perFold = base.timeBudget().dividedBy(2L * plan.trials() * plan.folds());
            base = base.withEpochs(base.epochs(), perFold);
        }
        java.util.Set<String> reported = new java.util.HashSet<>();
        HyperparameterSearch.SampleSource source = HyperparameterSearch.cached((names, values) -> ProcessedFolder.load(
                folder, names, request.type(), values, normalization, p -> {
                    if (reported.add(p)) {
                        problem.accept(p);
                    }
                }));
        SearchRecord record = new SearchRecord(HyperparameterSearch.space(request.type(), request.hyperparameters(),
                base));
        Path csv = request.runDir().resolve(SEARCH_CSV);
        Path json = request.runDir().resolve(SEARCH_JSON);
        HyperparameterSearch.Listener recording = new HyperparameterSearch.Listener() {
            private final List<SearchRecord.Fold> folds = new ArrayList<>();

            @Override
            public void foldFinished(HyperparameterSearch.FoldScore s) {
                if (s.fold() == 1) {
                    folds.clear();
                }
                folds.add(new SearchRecord.Fold(s.fold(), s.f1(), plan.epochsPerTrial(), s.seconds()));
                write(new SearchRecord.Trial(s.trial(), s.point(), folds, Double.NaN, SearchRecord.Status.RUNNING, ""));
                plan.listener().foldFinished(s);
            }

            @Override
            public void trialFinished(HyperparameterSearch.TrialResult t) {
                write(new SearchRecord.Trial(t.trial(), t.point(), folds, 1 - t.score(), t.stoppedEarly()
                        ? SearchRecord.Status.STOPPED_EARLY : SearchRecord.Status.COMPLETED, ""));
                plan.listener().trialFinished(t);
            }

            private void write(SearchRecord.Trial trial) {
                record.put(trial);
                try {
                    record.write(csv, json);
                } catch (IOException e) {
                    log.accept("could not write the search record: " + e.getMessage());
                }
            }
        };
        return new HyperparameterSearch().search(request.type(), request.hyperparameters(), base, split.trainVal(),
                source, plan.trials(),
                plan.folds(), plan.epochsPerTrial(), monitor, recording, log);
    }

    private static Duration remaining(TrainingSettings settings, long began) {
        if (settings.timeBudget() == null) {
            return null;
        }
        Duration left = settings.timeBudget().minusNanos(System.nanoTime() - began);
        return left.isNegative() ? Duration.ofSeconds(1) : left;
    }

    private static Split splitFor(Path folder, Request request, Consumer<String> log) throws IOException {
        Path dir = request.runDir().resolve(SPLIT_FOLDER);
        Split saved = Split.load(dir);
        if (saved != null) {
            log.accept("using the saved split in " + dir + " (" + saved.trainVal().size() + " train_val, "
                    + saved.test().size() + " test)");
            return saved;
        }
        Split split = Split.of(ProcessedFolder.names(folder), request.testFraction(), request.settings().seed());
        split.save(dir);
        return split;
    }

    private static Trainer.Start start(Request request, Consumer<String> log) throws IOException {
        Path checkpoint = request.runDir().resolve(CHECKPOINT_FILE);
        if (request.resume() && Files.isRegularFile(checkpoint)) {
            ModelPackage saved = ModelPackage.read(checkpoint, id -> request.type());
            int epochs = Integer.parseInt(saved.training().getOrDefault("completed_epochs", "0"));
            log.accept("resuming from " + checkpoint + " after epoch " + epochs);
            Path epochsFile = request.runDir().resolve(EPOCH_LOG);
            List<EpochResult> history = Files.isRegularFile(epochsFile) ? EpochLog.read(epochsFile) : List.of();
            history = history.subList(0, Math.min(epochs, history.size()));
            return new Trainer.Start(saved.weights(), saved.resume() == null ? null : saved.resume().optimizerState(),
                    saved.resume() == null ? 0 : saved.resume().completedSteps(), epochs, history);
        }
        if (request.initFrom() != null) {
            log.accept("fine-tuning from " + request.initFrom());
            return Trainer.Start.fineTune(ModelPackage.read(request.initFrom(), id -> request.type()).weights());
        }
        return Trainer.Start.fresh();
    }

    /** The best weights as the model (when there are any), the last ones with optimizer state as the checkpoint. */
    private static void save(Request request, Trainer.Outcome o, int train, int test, Path modelFile, Path checkpoint)
            throws IOException {
        Map<String, String> summary = summary(request, o, train, test);
        // When this call found nothing better (a resumed run), the model keeps its weights but its record of
        // the run (epochs, steps, cancelled) is brought up to date.
        fluffy.onnx.nn.Weights best = o.best() != null ? o.best()
                : java.nio.file.Files.isRegularFile(modelFile)
                        ? ModelPackage.read(modelFile, id -> request.type()).weights() : null;
        if (best != null) {
            write(request, best, summary, null, modelFile);
        }
        write(request, o.last(), summary, new ModelPackage.ResumeState(o.optimizerState(), o.completedSteps(),
                request.settings().optimizer()), checkpoint);
    }

    private static Map<String, String> summary(Request request, Trainer.Outcome outcome, int train, int test) {
        Map<String, String> s = new LinkedHashMap<>();
        TrainingSettings t = request.settings();
        s.put("finished", Instant.now().toString());
        s.put("data", request.data().toAbsolutePath().toString());
        s.put("train_val_images", Integer.toString(train));
        s.put("test_images", Integer.toString(test));
        s.put("optimizer", t.optimizer());
        s.put("learning_rate", Double.toString(t.learningRate()));
        s.put("batch", Integer.toString(t.batchSize()));
        s.put("crop", Integer.toString(t.crop()));
        s.put("seed", Long.toString(t.seed()));
        if (request.initFrom() != null) {
            // A fine-tuned model is only reproducible with the model it started from.
            s.put("init_from", request.initFrom().toAbsolutePath().toString());
        }
        s.put("device", t.session().describe());
        s.put("completed_epochs", Integer.toString(outcome.completedEpochs()));
        s.put("steps", Long.toString(outcome.completedSteps()));
        s.put("cancelled", Boolean.toString(outcome.cancelled()));
        EpochResult best = outcome.history().stream().filter(EpochResult::best).reduce((a, b) -> b).orElse(null);
        s.put("best_epoch", best == null ? "0" : Integer.toString(best.epoch()));
        s.put("best_score", String.format(Locale.ROOT, "%.6f", outcome.bestScore()));
        if (best != null) {
            s.put("test_object_f1_iou50", String.format(Locale.ROOT, "%.4f", best.valF1()));
            s.put("test_dice", String.format(Locale.ROOT, "%.4f", best.valDice()));
        }
        return s;
    }

    private static void write(Request request, fluffy.onnx.nn.Weights weights, Map<String, String> summary,
            ModelPackage.ResumeState resume, Path file) throws IOException {
        new ModelPackage(request.type(), request.hyperparameters(), 1, Normalization.DEFAULT, weights, summary, resume)
                .write(file);
    }
}

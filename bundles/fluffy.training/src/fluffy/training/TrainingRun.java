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
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

import fluffy.core.image.Normalization;
import fluffy.core.labels.ObjectSizes;
import fluffy.models.HyperparameterValues;
import fluffy.models.ModelPackage;
import fluffy.models.ModelType;
import fluffy.runtime.session.SessionException;
import fluffy.training.data.ProcessedFolder;
import fluffy.training.data.Sample;
import fluffy.training.data.Split;
import fluffy.training.records.EpochLog;
import fluffy.training.records.RunRecord;
import fluffy.training.records.SearchRecord;
import fluffy.training.records.TensorBoardWriter;

/**
 * The final training of a run, as the original's {@code train_model.py} did it after its search, done
 * right: a seeded train / validation / test split saved in the run folder and reused, the epoch (and the
 * search before it) chosen on validation only, the best epoch kept as {@code model.onnx} and scored once on
 * the test split at the end, and a checkpoint after every epoch
 * ({@code checkpoint.onnx} + its state) from which a cancelled or crashed run resumes. The folder's layout
 * belongs to {@link RunFolder}; its {@code run.json} says at every moment what the run is and whether it is
 * running, completed, cancelled (also in the search, which then resumes after its last finished trial) or
 * failed.
 */
public final class TrainingRun {

    /**
     * @param data            a Processed/ folder (images/ + masks/) or a workspace containing one
     * @param hyperparameters the model type's values (search results or defaults)
     * @param resume          continue from the run folder's checkpoint when there is one
     * @param initFrom        a model file to fine-tune from, or null
     */
    public record Request(Path data, Path runDir, ModelType type, HyperparameterValues hyperparameters,
            TrainingSettings settings, Split.Fractions split, boolean resume, Path initFrom, SearchPlan search) {

        public Request(Path data, Path runDir, ModelType type, HyperparameterValues hyperparameters,
                TrainingSettings settings, Split.Fractions split, boolean resume, Path initFrom) {
            this(data, runDir, type, hyperparameters, settings, split, resume, initFrom, null);
        }
    }

    /** Makes the executor of a run's search trials, given what they train and the run folder they may write in. */
    @FunctionalInterface
    public interface Executors {
        TrialExecutor create(ModelType type, Path data, RunFolder run, Consumer<String> log) throws IOException;
    }

    /**
     * A hyperparameter search before the final training, and who hears about its folds and trials (besides
     * the run's search record). With a time budget, the search gets half.
     */
    public record SearchPlan(HyperparameterSearch.Plan plan, HyperparameterSearch.Listener listener,
            Executors executor, boolean queueFinalTraining) {

        /** A search whose trials run here, one after the other, followed by the final training here. */
        public SearchPlan(HyperparameterSearch.Plan plan, HyperparameterSearch.Listener listener) {
            this(plan, listener, null, false);
        }

        /** A search whose trials run where {@code executor} puts them (null: here), followed by the final training here. */
        public SearchPlan(HyperparameterSearch.Plan plan, HyperparameterSearch.Listener listener, Executors executor) {
            this(plan, listener, executor, false);
        }

        /** The same search with its trials run elsewhere (null: here). */
        public SearchPlan withExecutor(Executors newExecutor) {
            return new SearchPlan(plan, listener, newExecutor, queueFinalTraining);
        }

        /**
         * The same search, after which the run stops with its record {@link RunRecord.Status#QUEUED queued}:
         * the caller has the final training done by another process (a scheduler job) that resumes the run.
         */
        public SearchPlan queueingFinalTraining() {
            return new SearchPlan(plan, listener, executor, true);
        }

        /** For callers that follow the search through its record. */
        public static final HyperparameterSearch.Listener SILENT = new HyperparameterSearch.Listener() {
            @Override
            public void foldFinished(HyperparameterSearch.FoldScore score) {
                // the record has it
            }

            @Override
            public void trialFinished(HyperparameterSearch.TrialResult trial) {
                // the record has it
            }
        };

        public int trials() {
            return plan.trials();
        }
    }

    /**
     * Where the model is, how it did on validation (its best epoch) and, once, on the held-out test split.
     *
     * @param model the model file, or null when none was written (cancelled during the search)
     * @param test  the model's scores on the test split, measured once at the end; null when the run was
     *              cancelled, or is a run from before the validation split (whose validation is its test split)
     * @param queued the search has ended and the final training is left to the process that resumes the run
     *              ({@link SearchPlan#queueFinalTraining()}); no model yet
     */
    public record Result(Path model, Trainer.Outcome outcome, List<String> problems, Trainer.Scores test,
            boolean queued) {

        public Result(Path model, Trainer.Outcome outcome, List<String> problems, Trainer.Scores test) {
            this(model, outcome, problems, test, false);
        }

        public EpochResult bestEpoch() {
            return outcome.history().stream().filter(EpochResult::best).reduce((a, b) -> b).orElse(null);
        }
    }

    public Result run(Request request, IProgressMonitor monitor, TrainingListener listener, Consumer<String> log)
            throws IOException, SessionException {
        Files.createDirectories(request.runDir());
        RunFolder run = RunFolder.at(request.runDir());
        try (RunFolder.Lock held = run.lock()) {
            // The lock holder alone writes here: what a killed earlier training left half-written can go.
            run.removeTemporaries();
            return runHolding(request, run, monitor, listener, log);
        }
    }

    private Result runHolding(Request request, RunFolder run, IProgressMonitor monitor, TrainingListener listener,
            Consumer<String> log) throws IOException, SessionException {
        RunRecord record = startRecord(request, run);
        record.write(run.recordFile());
        try {
            Result result = train(request, run, record, monitor, listener, log);
            int epochs = result.outcome().completedEpochs();
            (result.queued() ? record.with(RunRecord.Status.QUEUED, RunRecord.Phase.TRAINING, "the search has ended; "
                    + "the final training is left to the job that resumes this run", 0)
                    : result.outcome().cancelled()
                    ? record.with(RunRecord.Status.CANCELLED, result.model() == null ? RunRecord.Phase.SEARCH
                            : RunRecord.Phase.TRAINING, "", epochs)
                    : record.with(RunRecord.Status.COMPLETED, RunRecord.Phase.TRAINING, "", epochs)
                            .withTest(result.test() == null ? null : new RunRecord.Test(result.test().images(),
                                    result.test().f1(), result.test().dice())))
                    .write(run.recordFile());
            return result;
        } catch (OperationCanceledException e) {
            RunRecord now = run.record().orElse(record);
            now.with(RunRecord.Status.CANCELLED, now.phase(), "", now.completedEpochs()).write(run.recordFile());
            throw e;
        } catch (IOException | SessionException | RuntimeException | Error e) {
            RunRecord now = run.record().orElse(record);
            try {
                now.with(RunRecord.Status.FAILED, now.phase(), String.valueOf(e.getMessage()), now.completedEpochs())
                        .write(run.recordFile());
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** A new run's record, or the record of the run this request resumes, marked running again. */
    private static RunRecord startRecord(Request request, RunFolder run) throws IOException {
        RunRecord previous = request.resume() ? run.record().orElse(null) : null;
        TrainingSettings t = request.settings();
        RunRecord fresh = new RunRecord(RunRecord.Status.RUNNING, request.search() == null ? RunRecord.Phase.TRAINING
                : RunRecord.Phase.SEARCH, "", request.data(), request.type().id(), request.hyperparameters().encode(),
                new RunRecord.Settings(t.optimizer(), t.learningRate(), t.batchSize(), t.crop(), t.epochs(),
                        t.stepsPerEpoch(), t.timeBudget(), t.seed(), t.channels().encode()), request.split(),
                request.search() == null ? null : new RunRecord.Search(request.search().plan().trials(),
                        request.search().plan().folds(), request.search().plan().epochsPerTrial(),
                        request.search().plan().parallel()),
                request.initFrom(), Instant.now(), Instant.now(), 0, null);
        if (previous == null) {
            return fresh;
        }
        // Resuming keeps what the run was started with; only the epochs asked for may grow.
        RunRecord.Settings s = previous.settings();
        RunRecord.Settings settings = new RunRecord.Settings(s.optimizer(), s.learningRate(), s.batchSize(), s.crop(),
                t.epochs(), s.stepsPerEpoch(), s.timeBudget(), s.seed(), s.channels());
        return new RunRecord(RunRecord.Status.RUNNING, previous.phase(), "", previous.data(), previous.modelType(),
                previous.hyperparameters(), settings, previous.split(), previous.search(), previous.initFrom(),
                previous.started(), Instant.now(), previous.completedEpochs(), null);
    }

    private Result train(Request request, RunFolder run, RunRecord record, IProgressMonitor monitor,
            TrainingListener listener, Consumer<String> log) throws IOException, SessionException {
        long began = System.nanoTime();
        SubMonitor progress = SubMonitor.convert(monitor, 10);
        Path folder = ProcessedFolder.resolve(request.data());
        Split split = splitFor(folder, request, run, log);
        List<String> problems = new ArrayList<>();
        Consumer<String> problem = p -> {
            problems.add(p);
            log.accept(p);
        };
        Normalization normalization = Normalization.DEFAULT;
        HyperparameterValues values = request.hyperparameters();
        TrainingSettings settings = request.settings();
        Trainer.Start start = start(request, run, log);
        if (start.weights() != null && request.resume() && run.hasCheckpoint()) {
            // A resumed run continues with what it was trained with, whatever the search or defaults say now.
            ModelPackage checkpointed = ModelPackage.read(run.checkpoint(), id -> request.type());
            values = checkpointed.hyperparameters();
            settings = TrainingSettings.from(checkpointed.training(), settings);
        }
        boolean queue = request.search() != null && request.search().queueFinalTraining();
        if (request.search() != null && start.completedEpochs() == 0 && start.weights() == null) {
            HyperparameterSearch.Best best;
            try {
                best = search(request, run, folder, split, normalization, problem, progress.split(5), log);
            } catch (OperationCanceledException e) {
                log.accept("cancelled during the search; resume goes on after the last finished trial");
                return new Result(null, Trainer.Outcome.none(true), problems, null);
            }
            values = best.values();
            settings = best.settings().withEpochs(settings.epochs(), remaining(settings, began));
            log.accept(String.format(Locale.ROOT, "search: best cross-validated object F1 %.4f with %s, %s, lr %.2e, "
                    + "batch %d", best.score(), values, settings.optimizer(), settings.learningRate(),
                    settings.batchSize()));
            record.with(RunRecord.Status.RUNNING, RunRecord.Phase.TRAINING, "", 0).write(run.recordFile());
        }
        if (queue) {
            // The resuming process repeats the (recorded, so instant) search's choice and trains from there, or
            // goes on from the checkpoint a killed earlier final training left.
            return new Result(null, Trainer.Outcome.none(false), problems, null, true);
        }
        Request effective = new Request(request.data(), request.runDir(), request.type(), values, settings,
                request.split(), request.resume(), request.initFrom(), request.search());
        List<Sample> train = ProcessedFolder.load(folder, split.train(), request.type(), values, normalization,
                settings.channels(), problem);
        // The validation images choose the epoch; the test images are not loaded before training has ended.
        List<Sample> validation = ProcessedFolder.load(folder, split.validation(), request.type(), values,
                normalization, settings.channels(), problem);
        if (train.isEmpty()) {
            throw new IOException(folder + ": no usable training pairs");
        }
        double diameter = ObjectSizes.medianDiameter(train.stream().map(Sample::labels).toList());
        Evidence evidence = new Evidence(train.size(), validation.size(), split.test().size(), split.legacy(),
                diameter, Double.NaN, null);
        Path checkpoint = run.checkpoint();
        Path modelFile = run.model();
        Trainer.Checkpoints save = soFar -> {
            save(effective, soFar, evidence, modelFile, checkpoint);
            record.with(RunRecord.Status.RUNNING, RunRecord.Phase.TRAINING, "", soFar.completedEpochs())
                    .write(run.recordFile());
        };
        Trainer.Outcome outcome;
        try (EpochLog epochs = start.completedEpochs() > 0 ? EpochLog.resume(run.epochLog(), start.completedEpochs())
                : EpochLog.create(run.epochLog());
                TensorBoardWriter board = TensorBoardWriter.create(run.tensorBoardFolder())) {
            TrainingListener recording = epoch -> {
                try {
                    epochs.append(epoch);
                    board.epoch(epoch);
                } catch (IOException e) {
                    log.accept("could not write the epoch log: " + e.getMessage());
                }
                listener.epochFinished(epoch);
            };
            outcome = new Trainer().train(request.type(), values, train, validation, settings, start,
                    progress.split(request.search() == null ? 9 : 4), recording, save);
        }
        Trainer.Scores test = null;
        double predictedDiameter = Double.NaN;
        if (!outcome.cancelled()) {
            predictedDiameter = predictedDiameter(effective, outcome, validation, modelFile, log);
        }
        if (!outcome.cancelled() && !split.legacy()) {
            test = test(effective, outcome, folder, split, normalization, problem, modelFile, log);
        }
        save(effective, outcome, evidence.withTest(test).withPredictedDiameter(predictedDiameter), modelFile,
                checkpoint);
        return new Result(Files.isRegularFile(modelFile) ? modelFile : null, outcome, problems, test);
    }

    /** The median diameter of the objects the chosen weights find on the validation images (NaN: none). */
    private static double predictedDiameter(Request request, Trainer.Outcome outcome, List<Sample> validation,
            Path modelFile, Consumer<String> log) throws IOException, SessionException {
        fluffy.onnx.nn.Weights chosen = chosen(request, outcome, modelFile);
        if (chosen == null || validation.isEmpty()) {
            return Double.NaN;
        }
        double d = new Trainer().score(request.type(), request.hyperparameters(), chosen, validation,
                request.settings()).diameter();
        log.accept(String.format(Locale.ROOT, "object size: median diameter %.1f px of the objects found on the "
                + "validation images (prediction rescales images whose objects differ much from it)", d));
        return d;
    }

    /** The chosen weights scored once on the test split, which nothing before has read. */
    private static Trainer.Scores test(Request request, Trainer.Outcome outcome, Path folder, Split split,
            Normalization normalization, Consumer<String> problem, Path modelFile, Consumer<String> log)
            throws IOException, SessionException {
        fluffy.onnx.nn.Weights chosen = chosen(request, outcome, modelFile);
        List<Sample> test = ProcessedFolder.load(folder, split.test(), request.type(), request.hyperparameters(),
                normalization, request.settings().channels(), problem);
        if (chosen == null || test.isEmpty()) {
            return null;
        }
        Trainer.Scores scores = new Trainer().score(request.type(), request.hyperparameters(), chosen, test,
                request.settings());
        log.accept(String.format(Locale.ROOT, "test (%d images, scored once, used for no choice): object F1@0.5 %.4f, "
                + "Dice %.4f", scores.images(), scores.f1(), scores.dice()));
        return scores;
    }

    /** What the model's record says about the data it was chosen on and, when measured, its test scores. */
    private record Evidence(int train, int validation, int test, boolean validationIsTest, double trueDiameter,
            double predictedDiameter, Trainer.Scores testScores) {
        Evidence withTest(Trainer.Scores scores) {
            return new Evidence(train, validation, test, validationIsTest, trueDiameter, predictedDiameter, scores);
        }

        Evidence withPredictedDiameter(double d) {
            return new Evidence(train, validation, test, validationIsTest, trueDiameter, d, testScores);
        }
    }

    private static HyperparameterSearch.Best search(Request request, RunFolder run, Path folder, Split split,
            Normalization normalization, Consumer<String> problem, IProgressMonitor monitor, Consumer<String> log)
            throws IOException, SessionException {
        SearchPlan plan = request.search();
        TrainingSettings base = request.settings();
        if (base.timeBudget() != null) {
            // Half the budget for the search, shared by every fold of every trial.
            Duration perFold = base.timeBudget().dividedBy(2L * plan.plan().trials() * plan.plan().folds());
            base = base.withEpochs(base.epochs(), perFold);
        }
        java.util.Set<String> reported = new java.util.HashSet<>();
        HyperparameterSearch.SampleSource source = HyperparameterSearch.cached((names, values) -> ProcessedFolder.load(
                folder, names, request.type(), values, normalization, request.settings().channels(), p -> {
                    if (reported.add(p)) {
                        problem.accept(p);
                    }
                }));
        SearchRecord record = new SearchRecord(HyperparameterSearch.space(request.type(), request.hyperparameters(),
                base));
        Path csv = run.searchCsv();
        Path json = run.searchJson();
        List<HyperparameterSearch.Recorded> recorded = new ArrayList<>();
        if (request.resume() && Files.isRegularFile(json)) {
            // Trials that ended by themselves are kept; those of the interrupted round are trained again.
            for (SearchRecord.Trial t : SearchRecord.read(json, record.space()).trials()) {
                record.put(t);
                recorded.add(new HyperparameterSearch.Recorded(t.number(), t.round(), t.point(), !t.finished() ? null
                        : new HyperparameterSearch.TrialResult(t.number(), t.round(), t.point(), List.of(),
                                1 - t.objective(), t.status() == SearchRecord.Status.STOPPED_EARLY,
                                t.status() == SearchRecord.Status.FAILED ? t.message() : null)));
            }
        }
        HyperparameterSearch.Listener recording = new HyperparameterSearch.Listener() {
            private final Map<Integer, List<SearchRecord.Fold>> folds = new java.util.HashMap<>();
            private final Map<Integer, Integer> rounds = new java.util.HashMap<>();

            @Override
            public void roundProposed(List<TrialExecutor.Proposal> proposals) {
                for (TrialExecutor.Proposal p : proposals) {
                    rounds.put(p.trial(), p.round());
                    record.put(new SearchRecord.Trial(p.trial(), p.round(), p.point(), List.of(), Double.NaN,
                            SearchRecord.Status.RUNNING, ""));
                }
                write();
                plan.listener().roundProposed(proposals);
            }

            @Override
            public void foldFinished(HyperparameterSearch.FoldScore s) {
                List<SearchRecord.Fold> done = folds.computeIfAbsent(s.trial(), t -> new ArrayList<>());
                done.add(new SearchRecord.Fold(s.fold(), s.f1(), plan.plan().epochsPerTrial(), s.seconds()));
                record.put(new SearchRecord.Trial(s.trial(), round(s.trial()), s.point(), done, Double.NaN,
                        SearchRecord.Status.RUNNING, ""));
                write();
                plan.listener().foldFinished(s);
            }

            @Override
            public void trialFinished(HyperparameterSearch.TrialResult t) {
                SearchRecord.Status status = t.failure() != null ? SearchRecord.Status.FAILED
                        : t.stoppedEarly() ? SearchRecord.Status.STOPPED_EARLY : SearchRecord.Status.COMPLETED;
                record.put(new SearchRecord.Trial(t.trial(), t.round(), t.point(), folds.getOrDefault(t.trial(),
                        List.of()), t.failure() != null ? Double.NaN : 1 - t.score(), status,
                        t.failure() == null ? "" : t.failure()));
                write();
                plan.listener().trialFinished(t);
            }

            @Override
            public void trialCancelled(int trial, Map<String, Object> point,
                    List<HyperparameterSearch.FoldScore> finishedFolds) {
                List<SearchRecord.Fold> done = finishedFolds.stream().map(s -> new SearchRecord.Fold(s.fold(), s.f1(),
                        plan.plan().epochsPerTrial(), s.seconds())).toList();
                record.put(new SearchRecord.Trial(trial, round(trial), point, done, Double.NaN,
                        SearchRecord.Status.CANCELLED, "cancelled; run again on resume"));
                write();
                plan.listener().trialCancelled(trial, point, finishedFolds);
            }

            private int round(int trial) {
                return rounds.getOrDefault(trial, recorded.stream().filter(r -> r.trial() == trial)
                        .mapToInt(HyperparameterSearch.Recorded::round).findFirst().orElse(trial));
            }

            private void write() {
                try {
                    record.write(csv, json);
                } catch (IOException e) {
                    log.accept("could not write the search record: " + e.getMessage());
                }
            }
        };
        if (!recorded.isEmpty()) {
            record.write(csv, json);
        }
        TrialExecutor executor = plan.executor() == null ? new LocalTrials(request.type(), source)
                : plan.executor().create(request.type(), folder, run, log);
        return new HyperparameterSearch().search(request.type(), request.hyperparameters(), base, split.trainVal(),
                executor, plan.plan(), recorded, monitor, recording, log);
    }

    private static Duration remaining(TrainingSettings settings, long began) {
        if (settings.timeBudget() == null) {
            return null;
        }
        Duration left = settings.timeBudget().minusNanos(System.nanoTime() - began);
        return left.isNegative() ? Duration.ofSeconds(1) : left;
    }

    private static Split splitFor(Path folder, Request request, RunFolder run, Consumer<String> log)
            throws IOException {
        Path dir = run.splitFolder();
        Split saved = Split.load(dir);
        if (saved != null) {
            log.accept("using the saved split in " + dir + " (" + saved.train().size() + " train, "
                    + (saved.legacy() ? "its " + saved.test().size() + " test images also validating, as this run "
                            + "was made before the validation split" : saved.validation().size() + " validation, "
                                    + saved.test().size() + " test") + ")");
            return saved;
        }
        Split split = Split.of(ProcessedFolder.names(folder), request.split(), request.settings().seed());
        split.save(dir);
        return split;
    }

    private static Trainer.Start start(Request request, RunFolder run, Consumer<String> log) throws IOException {
        Path checkpoint = run.checkpoint();
        if (request.resume() && Files.isRegularFile(checkpoint)) {
            ModelPackage saved = ModelPackage.read(checkpoint, id -> request.type());
            int epochs = Integer.parseInt(saved.training().getOrDefault("completed_epochs", "0"));
            log.accept("resuming from " + checkpoint + " after epoch " + epochs);
            List<EpochResult> history = run.epochs();
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
    private static void save(Request request, Trainer.Outcome o, Evidence evidence, Path modelFile, Path checkpoint)
            throws IOException {
        Map<String, String> summary = summary(request, o, evidence);
        // When this call found nothing better (a resumed run), the model keeps its weights but its record of
        // the run (epochs, steps, cancelled) is brought up to date.
        fluffy.onnx.nn.Weights best = chosen(request, o, modelFile);
        if (best != null) {
            write(request, best, summary, null, modelFile);
        }
        write(request, o.last(), summary, new ModelPackage.ResumeState(o.optimizerState(), o.completedSteps(),
                request.settings().optimizer()), checkpoint);
    }

    /** The model's weights: this call's best epoch, else (a resumed run that found nothing better) model.onnx's. */
    private static fluffy.onnx.nn.Weights chosen(Request request, Trainer.Outcome o, Path modelFile)
            throws IOException {
        return o.best() != null ? o.best()
                : Files.isRegularFile(modelFile) ? ModelPackage.read(modelFile, id -> request.type()).weights() : null;
    }

    private static Map<String, String> summary(Request request, Trainer.Outcome outcome, Evidence evidence) {
        Map<String, String> s = new LinkedHashMap<>();
        TrainingSettings t = request.settings();
        s.put("finished", Instant.now().toString());
        s.put("data", request.data().toAbsolutePath().toString());
        s.put("train_images", Integer.toString(evidence.train()));
        s.put("validation_images", Integer.toString(evidence.validation()));
        s.put("test_images", Integer.toString(evidence.test()));
        if (evidence.validationIsTest()) {
            s.put("validation_is_test", "true"); // a run from before the validation split: no unused test
        }
        // The scale the model knows, in the units prediction measures it in: the median diameter of the objects
        // the model finds on the validation images (a model's objects are a little larger or smaller than the
        // annotator's; comparing like with like cancels that), else of the training label maps.
        double scale = Double.isFinite(evidence.predictedDiameter()) ? evidence.predictedDiameter()
                : evidence.trueDiameter();
        if (Double.isFinite(scale)) {
            s.put(ModelPackage.OBJECT_DIAMETER, String.format(Locale.ROOT, "%.2f", scale));
        }
        if (Double.isFinite(evidence.trueDiameter())) {
            s.put("object_diameter_annotated", String.format(Locale.ROOT, "%.2f", evidence.trueDiameter()));
        }
        s.put("optimizer", t.optimizer());
        s.put("learning_rate", Double.toString(t.learningRate()));
        s.put("batch", Integer.toString(t.batchSize()));
        s.put("crop", Integer.toString(t.crop()));
        s.put("seed", Long.toString(t.seed()));
        s.put("augmentation", t.augmentation().encode());
        if (t.patience() > 0) {
            s.put("patience", Integer.toString(t.patience()));
            s.put("stopped_early", Boolean.toString(Trainer.stoppedEarly(outcome.history(), t.patience())));
        }
        if (request.initFrom() != null) {
            // A fine-tuned model is only reproducible with the model it started from.
            s.put("init_from", request.initFrom().toAbsolutePath().toString());
        }
        if (!t.channels().isDefault()) {
            s.put(ModelPackage.CHANNELS, t.channels().encode()); // how prediction reads images for this model
        }
        s.put("device", t.session().describe());
        s.put("completed_epochs", Integer.toString(outcome.completedEpochs()));
        s.put("steps", Long.toString(outcome.completedSteps()));
        s.put("cancelled", Boolean.toString(outcome.cancelled()));
        EpochResult best = outcome.history().stream().filter(EpochResult::best).reduce((a, b) -> b).orElse(null);
        s.put("best_epoch", best == null ? "0" : Integer.toString(best.epoch()));
        s.put("best_score", String.format(Locale.ROOT, "%.6f", outcome.bestScore()));
        if (best != null) {
            s.put("validation_object_f1_iou50", String.format(Locale.ROOT, "%.4f", best.valF1()));
            s.put("validation_dice", String.format(Locale.ROOT, "%.4f", best.valDice()));
        }
        Trainer.Scores test = evidence.testScores();
        if (test != null) {
            s.put("test_object_f1_iou50", String.format(Locale.ROOT, "%.4f", test.f1()));
            s.put("test_dice", String.format(Locale.ROOT, "%.4f", test.dice()));
        }
        return s;
    }

    private static void write(Request request, fluffy.onnx.nn.Weights weights, Map<String, String> summary,
            ModelPackage.ResumeState resume, Path file) throws IOException {
        new ModelPackage(request.type(), request.hyperparameters(), request.settings().channels().count(),
                Normalization.DEFAULT, weights, summary, resume).write(file);
    }
}

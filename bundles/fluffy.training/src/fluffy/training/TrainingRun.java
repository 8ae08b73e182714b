package fluffy.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * @param data            a Processed/ folder (images/ + masks/) or a workspace containing one
     * @param hyperparameters the model type's values (search results or defaults)
     * @param resume          continue from the run folder's checkpoint when there is one
     * @param initFrom        a model file to fine-tune from, or null
     */
    public record Request(Path data, Path runDir, ModelType type, HyperparameterValues hyperparameters,
            TrainingSettings settings, double testFraction, boolean resume, Path initFrom) {
    }

    /** Where the model is and how it did on the held-out test split. */
    public record Result(Path model, Trainer.Outcome outcome, List<String> problems) {

        public EpochResult bestEpoch() {
            return outcome.history().stream().filter(EpochResult::best).reduce((a, b) -> b).orElse(null);
        }
    }

    public Result run(Request request, IProgressMonitor monitor, TrainingListener listener, Consumer<String> log)
            throws IOException, SessionException {
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
        List<Sample> train = ProcessedFolder.load(folder, split.trainVal(), request.type(), request.hyperparameters(),
                normalization, problem);
        List<Sample> test = ProcessedFolder.load(folder, split.test(), request.type(), request.hyperparameters(),
                normalization, problem);
        if (train.isEmpty()) {
            throw new IOException(folder + ": no usable training pairs");
        }
        progress.worked(1);
        Trainer.Start start = start(request, log);
        Path checkpoint = request.runDir().resolve(CHECKPOINT_FILE);
        Path modelFile = request.runDir().resolve(MODEL_FILE);
        Trainer.Checkpoints save = soFar -> save(request, soFar, train.size(), test.size(), modelFile, checkpoint);
        Trainer.Outcome outcome = new Trainer().train(request.type(), request.hyperparameters(), train, test,
                request.settings(), start, progress.split(9), listener, save);
        save(request, outcome, train.size(), test.size(), modelFile, checkpoint);
        return new Result(modelFile, outcome, problems);
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
            List<EpochResult> history = new ArrayList<>();
            double bestScore = Double.parseDouble(saved.training().getOrDefault("best_score", "-1"));
            int bestEpoch = Integer.parseInt(saved.training().getOrDefault("best_epoch", "0"));
            if (bestEpoch > 0) {
                // Only the best score matters for choosing the next best epoch.
                double f1 = Double.parseDouble(saved.training().getOrDefault("test_object_f1_iou50", "NaN"));
                double dice = Double.parseDouble(saved.training().getOrDefault("test_dice", "NaN"));
                history.add(new EpochResult(bestEpoch, Double.NaN, Double.NaN, dice, f1, Double.NaN, 0, true));
            }
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
        if (o.best() != null) {
            write(request, o.best(), summary, null, modelFile);
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

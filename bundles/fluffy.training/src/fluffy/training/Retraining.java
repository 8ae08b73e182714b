package fluffy.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fluffy.core.files.AtomicFiles;
import fluffy.core.image.Normalization;
import fluffy.models.ModelPackage;
import fluffy.models.ModelType;
import fluffy.runtime.session.SessionException;
import fluffy.runtime.session.SessionSettings;
import fluffy.training.data.ProcessedFolder;
import fluffy.training.data.Sample;
import fluffy.training.data.Split;

/**
 * One-click retraining: a model fine-tuned on a workspace's pairs (the corrected ones included) with a
 * short schedule, as a new run beside the old one, and both models scored on that run's validation images,
 * so the user sees what the corrections bought. The schedule is the model's own settings (optimizer, batch,
 * crop, channels) for {@value #EPOCHS} epochs of {@value #STEPS} steps at a third of its learning rate: enough
 * to take in a few corrected images, too little to forget what it knew.
 */
public final class Retraining {

    public static final int EPOCHS = 5;
    public static final int STEPS = 40;

    /** Validation object F1@0.5 of the model before and after, on the same images. */
    public record Comparison(int images, double before, double after) {

        public String describe() {
            return String.format(Locale.ROOT, "validation object F1@0.5 on %d image(s): %.3f before, %.3f after (%+.3f)",
                    images, before, after, after - before);
        }
    }

    private Retraining() {
    }

    /**
     * Where the retrained run of {@code model} goes: {@code runsFolder/<run>-retrain}, or {@code -retrain-2},
     * ...: an existing run is never reused.
     */
    public static Path runFolder(Path model, Path runsFolder) {
        Path parent = model.toAbsolutePath().getParent();
        String base = (model.getFileName().toString().equals(RunFolder.MODEL_FILE) && parent != null
                ? parent.getFileName().toString() : model.getFileName().toString().replaceFirst("\\.onnx$", ""))
                + "-retrain";
        Path runDir = runsFolder.resolve(base);
        for (int n = 2; Files.exists(runDir); n++) {
            runDir = runsFolder.resolve(base + "-" + n);
        }
        return runDir;
    }

    /**
     * The run that retrains {@code model} on {@code data} (a workspace or a Processed/ folder) into
     * {@code runDir}.
     *
     * @param types resolves the model's type id
     */
    public static TrainingRun.Request request(Path data, Path model, Path runDir, SessionSettings session,
            java.util.function.Function<String, ModelType> types) throws IOException {
        ModelPackage from = ModelPackage.read(model, types);
        TrainingSettings own = TrainingSettings.from(from.training(), TrainingSettings.defaults(session));
        TrainingSettings settings = own.withEpochs(EPOCHS).withStepsPerEpoch(STEPS).withTimeBudget(null)
                .withLearningRate(own.learningRate() / 3).withSession(session);
        return new TrainingRun.Request(data, runDir, from.type(), from.hyperparameters(), settings,
                Split.Fractions.DEFAULT, false, model);
    }

    /**
     * Scores the model the run started from and the run's model on the run's validation images and writes
     * the comparison into the run folder ({@link RunFolder#retrainingFile()}).
     */
    public static Comparison compare(TrainingRun.Request request, java.util.function.Function<String, ModelType> types)
            throws IOException, SessionException {
        RunFolder run = RunFolder.at(request.runDir());
        Path folder = ProcessedFolder.resolve(request.data());
        Split split = Split.load(run.splitFolder());
        List<String> problems = new ArrayList<>();
        List<Sample> validation = ProcessedFolder.load(folder, split.validation(), request.type(),
                request.hyperparameters(), Normalization.DEFAULT, request.settings().channels(), problems::add);
        if (validation.isEmpty()) {
            throw new IOException(run.folder() + ": no validation images to compare on" + (problems.isEmpty() ? ""
                    : " (" + problems.get(0) + ")"));
        }
        Trainer trainer = new Trainer();
        Trainer.Scores before = trainer.score(request.type(), request.hyperparameters(),
                ModelPackage.read(request.initFrom(), types).weights(), validation, request.settings());
        Trainer.Scores after = trainer.score(request.type(), request.hyperparameters(),
                ModelPackage.read(run.model(), types).weights(), validation, request.settings());
        Comparison c = new Comparison(validation.size(), before.f1(), after.f1());
        AtomicFiles.write(run.retrainingFile(), ("retrained from " + request.initFrom().toAbsolutePath() + "\n"
                + c.describe() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return c;
    }
}

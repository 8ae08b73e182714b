package fluffy.training;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

import fluffy.core.files.AtomicFiles;
import fluffy.models.HyperparameterValues;
import fluffy.models.ModelType;
import fluffy.runtime.session.SessionException;
import fluffy.runtime.session.SessionSettings;
import fluffy.training.data.Augmentation;
import fluffy.training.data.Folds;
import fluffy.training.data.Sample;

/**
 * One fold of one search trial: what to train (the trial's values and settings, seeded for the trial and
 * fold) on which images, validated on which. {@link #run} trains it and scores the last epoch on the
 * fold's validation images, wherever it runs. A task can be written to a file for another process ({@code
 * fluffy slurm trial}), which writes its {@link Result} next to it; this class owns both files' layout:
 * {@code task-I.properties} and {@code trial-T-fold-F.result.properties} in a round's folder.
 */
public record FoldTask(int trial, int fold, HyperparameterValues values, TrainingSettings settings,
        List<String> train, List<String> validation) {

    /** The fold's validation object F1@0.5, Dice and loss after its last epoch, and how long it took. */
    public record Result(double f1, double dice, double valLoss, double seconds) {
    }

    /** A task read from its file, with the data folder and model type it trains. */
    public record Stored(FoldTask task, Path data, ModelType type) {
    }

    private static final String FORMAT = "fluffy.fold-task/1";

    /** The task of a proposal on a fold; its seed differs for every trial and fold and follows the search's. */
    public static FoldTask of(TrialExecutor.Proposal p, Folds.Fold fold) {
        TrainingSettings seeded = p.settings().withSeed(p.settings().seed() + 1000L * p.trial() + fold.index());
        return new FoldTask(p.trial(), fold.index() + 1, p.values(), seeded, fold.train(), fold.validation());
    }

    /**
     * Trains the fold from scratch and scores its last epoch (not the best: a trial is judged on where its
     * training ends).
     *
     * @return empty when cancelled before its first epoch ended
     */
    public Optional<Result> run(ModelType type, HyperparameterSearch.SampleSource samples, IProgressMonitor monitor)
            throws SessionException {
        long began = System.nanoTime();
        List<Sample> trainSamples = samples.load(train, values);
        List<Sample> validationSamples = samples.load(validation, values);
        Trainer.Outcome o;
        try {
            o = new Trainer().train(type, values, trainSamples, validationSamples, settings, Trainer.Start.fresh(),
                    monitor, TrainingListener.NONE);
        } catch (OperationCanceledException e) {
            return Optional.empty();
        }
        if (o.cancelled() || o.history().isEmpty()) {
            return Optional.empty();
        }
        EpochResult end = o.history().get(o.history().size() - 1);
        return Optional.of(new Result(end.valF1(), end.valDice(), end.valLoss(), (System.nanoTime() - began) / 1e9));
    }

    public static Path file(Path roundFolder, int index) {
        return roundFolder.resolve("task-" + index + ".properties");
    }

    /** Named by trial and fold, not task index, so a result stays valid when a round is submitted again. */
    public static Path resultFile(Path roundFolder, int trial, int fold) {
        return roundFolder.resolve("trial-" + trial + "-fold-" + fold + ".result.properties");
    }

    /** Writes the task for another process; {@code data} is the Processed/ folder its names are in. */
    public void write(Path file, Path data, ModelType type) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("data", data.toAbsolutePath().toString());
        p.setProperty("model_type", type.id());
        p.setProperty("hyperparameters", values.encode());
        p.setProperty("trial", Integer.toString(trial));
        p.setProperty("fold", Integer.toString(fold));
        TrainingSettings s = settings;
        p.setProperty("optimizer", s.optimizer());
        p.setProperty("learning_rate", Double.toString(s.learningRate()));
        p.setProperty("batch", Integer.toString(s.batchSize()));
        p.setProperty("crop", Integer.toString(s.crop()));
        p.setProperty("epochs", Integer.toString(s.epochs()));
        p.setProperty("steps_per_epoch", Integer.toString(s.stepsPerEpoch()));
        if (s.timeBudget() != null) {
            p.setProperty("time_budget_ms", Long.toString(s.timeBudget().toMillis()));
        }
        p.setProperty("seed", Long.toString(s.seed()));
        p.setProperty("patience", Integer.toString(s.patience()));
        p.setProperty("channels", s.channels().encode());
        p.setProperty("augmentation", s.augmentation().encode());
        p.setProperty("train", String.join("\n", train));
        p.setProperty("validation", String.join("\n", validation));
        AtomicFiles.writeString(file, store(p, "a search trial's fold, trained by fluffy slurm trial"));
    }

    /**
     * Reads a task file; the session (device, threads) is the reading process's own.
     *
     * @throws IOException naming the file when it is not a complete task
     */
    public static Stored read(Path file, Function<String, ModelType> types, SessionSettings session)
            throws IOException {
        Properties p = load(file);
        try {
            if (!FORMAT.equals(p.getProperty("format"))) {
                throw new IllegalArgumentException("format is " + p.getProperty("format") + ", expected " + FORMAT);
            }
            ModelType type = types.apply(required(p, "model_type"));
            HyperparameterValues values = HyperparameterValues.decode(type.hyperparameters(),
                    required(p, "hyperparameters"));
            Augmentation augmentation = Augmentation.decode(required(p, "augmentation"));
            String budget = p.getProperty("time_budget_ms");
            TrainingSettings settings = new TrainingSettings(required(p, "optimizer"),
                    Double.parseDouble(required(p, "learning_rate")), Integer.parseInt(required(p, "batch")),
                    Integer.parseInt(required(p, "crop")), Integer.parseInt(required(p, "epochs")),
                    Integer.parseInt(required(p, "steps_per_epoch")),
                    budget == null ? null : Duration.ofMillis(Long.parseLong(budget)),
                    Long.parseLong(required(p, "seed")), augmentation, session,
                    Integer.parseInt(required(p, "patience")),
                    fluffy.core.image.ChannelSelection.parse(p.getProperty("channels", "default")));
            FoldTask task = new FoldTask(Integer.parseInt(required(p, "trial")), Integer.parseInt(required(p, "fold")),
                    values, settings, names(required(p, "train")), names(p.getProperty("validation", "")));
            return new Stored(task, Path.of(required(p, "data")), type);
        } catch (RuntimeException e) {
            throw new IOException(file + " is not a readable search task: " + e.getMessage(), e);
        }
    }

    public static void writeResult(Path file, Result r) throws IOException {
        Properties p = new Properties();
        p.setProperty("f1", Double.toString(r.f1()));
        p.setProperty("dice", Double.toString(r.dice()));
        p.setProperty("val_loss", Double.toString(r.valLoss()));
        p.setProperty("seconds", Double.toString(r.seconds()));
        AtomicFiles.writeString(file, store(p, "the fold's validation scores after its last epoch"));
    }

    /** The result another process wrote, or empty when it wrote none (the task failed or did not run). */
    public static Optional<Result> readResult(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = load(file);
        try {
            return Optional.of(new Result(Double.parseDouble(required(p, "f1")), Double.parseDouble(required(p, "dice")),
                    Double.parseDouble(required(p, "val_loss")), Double.parseDouble(required(p, "seconds"))));
        } catch (RuntimeException e) {
            throw new IOException(file + " is not a readable task result: " + e.getMessage(), e);
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    private static String store(Properties p, String comment) throws IOException {
        StringWriter out = new StringWriter();
        p.store(out, comment);
        return out.toString();
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("no " + key);
        }
        return v;
    }

    private static List<String> names(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.stream(joined.split("\n")).toList();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "trial %d fold %d", trial, fold);
    }
}

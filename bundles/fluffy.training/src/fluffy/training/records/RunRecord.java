package fluffy.training.records;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import fluffy.core.files.AtomicFiles;
import fluffy.training.data.Split;

/**
 * What a run is and how far it got, as {@code run.json}: the request that started it (data, model type and
 * hyperparameters, training settings, search plan) and its status. Written when the run starts, when a
 * phase changes and when it ends (completed, cancelled or failed), always through a temporary file and an
 * atomic move; so a run cancelled before its first checkpoint (during a search) can still be resumed, and
 * a reader never needs the column order of a CSV or a model's metadata to know what a run was.
 *
 * @param hyperparameters the model type's values as {@code HyperparameterValues.encode()} wrote them
 * @param search          the search plan, or null for none
 * @param initFrom        the model fine-tuned from, or null
 * @param message         why the run failed; empty otherwise
 * @param test            the model's scores on the test split, measured once when the run completed; null
 *                        before, and for runs whose validation was their test split
 */
public record RunRecord(Status status, Phase phase, String message, Path data, String modelType,
        String hyperparameters, Settings settings, Split.Fractions split, Search search, Path initFrom,
        Instant started, Instant updated, int completedEpochs, Test test) {

    public static final String FORMAT = "fluffy.run/1";

    public enum Status {
        RUNNING, COMPLETED, CANCELLED, FAILED,
        /** The search has ended; the final training is left to a job (a SLURM one) that resumes the run. */
        QUEUED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where the run was when the record was written. */
    public enum Phase {
        SEARCH, TRAINING;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The training settings that are the run's own (the device and threads are chosen anew on resume). */
    /** @param channels the image channels trained on, as the user writes them ({@code default}: one grey plane) */
    public record Settings(String optimizer, double learningRate, int batchSize, int crop, int epochs,
            int stepsPerEpoch, Duration timeBudget, long seed, String channels) {

        public Settings(String optimizer, double learningRate, int batchSize, int crop, int epochs, int stepsPerEpoch,
                Duration timeBudget, long seed) {
            this(optimizer, learningRate, batchSize, crop, epochs, stepsPerEpoch, timeBudget, seed, "default");
        }
    }

    /** @param parallel trials proposed and run at once per round (1 for runs from before rounds) */
    public record Search(int trials, int folds, int epochsPerTrial, int parallel) {

        public Search(int trials, int folds, int epochsPerTrial) {
            this(trials, folds, epochsPerTrial, 1);
        }
    }

    /** The test split's scores (object F1 at IoU 0.5 and Dice), measured once, used for no choice. */
    public record Test(int images, double f1, double dice) {
    }

    public RunRecord {
        message = message == null ? "" : message;
    }

    public RunRecord with(Status newStatus, Phase newPhase, String newMessage, int epochs) {
        return new RunRecord(newStatus, newPhase, newMessage, data, modelType, hyperparameters, settings, split,
                search, initFrom, started, Instant.now(), epochs, test);
    }

    public RunRecord withTest(Test scores) {
        return new RunRecord(status, phase, message, data, modelType, hyperparameters, settings, split, search,
                initFrom, started, Instant.now(), completedEpochs, scores);
    }

    /** Whether resuming makes sense: the run stopped before it ended by itself. */
    public boolean resumable() {
        return status != Status.COMPLETED;
    }

    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, JsonWriter.write(json()));
    }

    /** @throws IOException for an unreadable file or one that is not a run record (the message says which) */
    public static RunRecord read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return of((Map<?, ?>) JsonReader.parse(text));
        } catch (IllegalArgumentException | ClassCastException | NullPointerException
                | java.time.format.DateTimeParseException e) {
            throw new IOException(file + " is not a readable run record: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("status", status.label());
        m.put("phase", phase.label());
        m.put("message", message);
        m.put("data", data.toAbsolutePath().toString());
        m.put("model_type", modelType);
        m.put("hyperparameters", hyperparameters);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("optimizer", settings.optimizer());
        s.put("learning_rate", settings.learningRate());
        s.put("batch", settings.batchSize());
        s.put("crop", settings.crop());
        s.put("epochs", settings.epochs());
        s.put("steps_per_epoch", settings.stepsPerEpoch());
        s.put("time_budget_seconds", settings.timeBudget() == null ? null : settings.timeBudget().toSeconds());
        s.put("seed", settings.seed());
        s.put("channels", settings.channels());
        m.put("settings", s);
        m.put("test_fraction", split.test());
        m.put("validation_fraction", split.validation());
        if (search != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("trials", search.trials());
            p.put("folds", search.folds());
            p.put("epochs_per_trial", search.epochsPerTrial());
            p.put("parallel_trials", search.parallel());
            m.put("search", p);
        } else {
            m.put("search", null);
        }
        m.put("init_from", initFrom == null ? null : initFrom.toAbsolutePath().toString());
        m.put("started", started.toString());
        m.put("updated", updated.toString());
        m.put("completed_epochs", completedEpochs);
        if (test != null) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("images", test.images());
            t.put("object_f1_iou50", test.f1());
            t.put("dice", test.dice());
            m.put("test", t);
        }
        return m;
    }

    private static RunRecord of(Map<?, ?> m) {
        if (!FORMAT.equals(m.get("format"))) {
            throw new IllegalArgumentException("format is " + m.get("format") + ", expected " + FORMAT);
        }
        Map<?, ?> s = (Map<?, ?>) m.get("settings");
        Object budget = s.get("time_budget_seconds");
        Settings settings = new Settings((String) s.get("optimizer"), number(s.get("learning_rate")),
                (int) whole(s.get("batch")), (int) whole(s.get("crop")), (int) whole(s.get("epochs")),
                (int) whole(s.get("steps_per_epoch")), budget == null ? null : Duration.ofSeconds(whole(budget)),
                whole(s.get("seed")), s.get("channels") == null ? "default" : (String) s.get("channels"));
        Map<?, ?> p = (Map<?, ?>) m.get("search");
        Search search = p == null ? null : new Search((int) whole(p.get("trials")), (int) whole(p.get("folds")),
                (int) whole(p.get("epochs_per_trial")),
                p.get("parallel_trials") == null ? 1 : (int) whole(p.get("parallel_trials")));
        Object init = m.get("init_from");
        Object validation = m.get("validation_fraction");
        Map<?, ?> t = (Map<?, ?>) m.get("test");
        return new RunRecord(Status.valueOf(((String) m.get("status")).toUpperCase(Locale.ROOT)),
                Phase.valueOf(((String) m.get("phase")).toUpperCase(Locale.ROOT)), (String) m.get("message"),
                Path.of((String) m.get("data")), (String) m.get("model_type"), (String) m.get("hyperparameters"),
                settings, new Split.Fractions(number(m.get("test_fraction")), validation == null ? 0 : number(validation)),
                search, init == null ? null : Path.of((String) init), Instant.parse((String) m.get("started")),
                Instant.parse((String) m.get("updated")), (int) whole(m.get("completed_epochs")),
                t == null ? null : new Test((int) whole(t.get("images")), number(t.get("object_f1_iou50")),
                        number(t.get("dice"))));
    }

    private static long whole(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        throw new IllegalArgumentException(v + " is not an integer");
    }

    private static double number(Object v) {
        return ((Number) v).doubleValue();
    }
}

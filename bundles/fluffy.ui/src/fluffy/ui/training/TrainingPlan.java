package fluffy.ui.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fluffy.models.Hyperparameter;
import fluffy.models.HyperparameterValues;
import fluffy.models.ModelType;
import fluffy.runtime.DeviceRequest;
import fluffy.runtime.DeviceUnavailableException;
import fluffy.runtime.Devices;
import fluffy.runtime.session.SessionSettings;
import fluffy.training.HyperparameterSearch;
import fluffy.training.TrainingRun;
import fluffy.training.TrainingSettings;
import fluffy.training.data.Split;

/**
 * What the Train dialog edits: the model type and its hyperparameters as typed, the training settings and
 * the device. {@link #problems()} says what is wrong in words for the dialog; {@link #toRequest()} makes
 * the headless request. Every field starts from {@link TrainingSettings#defaults} and
 * {@link HyperparameterSearch.Plan#defaults}, the values {@code fluffy train} starts from too.
 */
public final class TrainingPlan {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    private final Path data;
    private final Path runsFolder;
    private ModelType type;
    private final Map<String, String> hyperparameters = new LinkedHashMap<>();
    private static final TrainingSettings DEFAULTS = TrainingSettings.defaults(null);
    private static final HyperparameterSearch.Plan SEARCH_DEFAULTS = HyperparameterSearch.Plan.defaults();

    public String runName = "";
    public int epochs = DEFAULTS.epochs();
    /** Minutes; 0 means no limit. */
    public int timeBudgetMinutes;
    public int stepsPerEpoch = DEFAULTS.stepsPerEpoch();
    public int batch = DEFAULTS.batchSize();
    public int crop = DEFAULTS.crop();
    public String learningRate = Double.toString(DEFAULTS.learningRate());
    public String device = "auto";
    /** The image channels the model takes, 1-based in its order (e.g. {@code 1,2}); empty: one grey plane. */
    public String channels = "";
    public int threads = Runtime.getRuntime().availableProcessors();
    /** Hyperparameter search trials before the final training; 0 trains with the values given. */
    public int searchTrials;
    public int searchFolds = SEARCH_DEFAULTS.folds();
    public int searchEpochs = SEARCH_DEFAULTS.epochsPerTrial();

    /**
     * @param data       a workspace or a Processed/ folder
     * @param runsFolder where the run folder {@code <runName>} is created
     */
    public TrainingPlan(Path data, Path runsFolder, ModelType type) {
        this.data = data;
        this.runsFolder = runsFolder;
        setType(type);
    }

    public ModelType type() {
        return type;
    }

    /** Switches the model type; its defaults replace the hyperparameters typed for the old one. */
    public void setType(ModelType newType) {
        type = newType;
        hyperparameters.clear();
        for (Hyperparameter h : newType.hyperparameters()) {
            hyperparameters.put(h.name(), String.valueOf(h.defaultValue()));
        }
        runName = newType.id() + "-" + LocalDateTime.now().format(STAMP);
    }

    /** The hyperparameters as text, by name, in the type's order. */
    public Map<String, String> hyperparameters() {
        return hyperparameters;
    }

    public void setHyperparameter(String name, String text) {
        if (!hyperparameters.containsKey(name)) {
            throw new IllegalArgumentException("no hyperparameter '" + name + "' in " + type.id());
        }
        hyperparameters.put(name, text);
    }

    public Path runFolder() {
        return runsFolder.resolve(runName.strip());
    }

    /** Everything that stops the plan from running, one sentence each; empty when it can run. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        String name = runName.strip();
        if (name.isEmpty() || !name.matches("[A-Za-z0-9._-]+")) {
            problems.add("The run name must be letters, digits, '.', '_' or '-'.");
        } else if (Files.exists(runFolder())) {
            problems.add("A run named " + name + " exists; choose another name (resume it from the Training Monitor).");
        }
        try {
            values();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        try {
            settings(new SessionSettings(new fluffy.runtime.DeviceChoice(fluffy.runtime.Device.CPU, ""), 1));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (searchTrials > 0 && searchFolds < 2) {
            problems.add("A search needs at least 2 folds.");
        }
        try {
            DeviceRequest.parse(device);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    /**
     * The request for a new run. Resolving the device may probe CUDA, which takes seconds on a machine
     * with a GPU driver, so callers run this off the UI thread.
     *
     * @throws IllegalArgumentException     when {@link #problems()} is not empty
     * @throws DeviceUnavailableException when CUDA was asked for and cannot be used
     */
    public TrainingRun.Request toRequest() throws DeviceUnavailableException {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
        SessionSettings session = new SessionSettings(Devices.choose(DeviceRequest.parse(device)), threads);
        // The monitor follows a search through the search record it rewrites after every fold.
        TrainingRun.SearchPlan search = searchTrials > 0 ? new TrainingRun.SearchPlan(new HyperparameterSearch.Plan(
                searchTrials, searchFolds, searchEpochs), TrainingRun.SearchPlan.SILENT) : null;
        return new TrainingRun.Request(data, runFolder(), type, values(), settings(session),
                Split.Fractions.DEFAULT, false, null, search);
    }

    private HyperparameterValues values() {
        return HyperparameterValues.of(type.hyperparameters(), hyperparameters);
    }

    private TrainingSettings settings(SessionSettings session) {
        double lr;
        try {
            lr = Double.parseDouble(learningRate.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The learning rate '" + learningRate + "' is not a number.");
        }
        Duration budget = timeBudgetMinutes > 0 ? Duration.ofMinutes(timeBudgetMinutes) : null;
        fluffy.core.image.ChannelSelection selection;
        try {
            selection = fluffy.core.image.ChannelSelection.parse(channels);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Channels: " + e.getMessage() + ".");
        }
        return TrainingSettings.defaults(session).withLearningRate(lr).withBatchSize(batch).withCrop(crop)
                .withEpochs(epochs).withStepsPerEpoch(stepsPerEpoch).withTimeBudget(budget).withChannels(selection);
    }
}

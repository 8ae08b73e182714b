package fluffy.training;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import fluffy.models.HyperparameterValues;
import fluffy.models.ModelPackage;
import fluffy.models.ModelType;
import fluffy.models.ModelTypes;
import fluffy.runtime.session.SessionSettings;
import fluffy.training.data.Split;
import fluffy.training.records.EpochLog;
import fluffy.training.records.RunRecord;
import fluffy.training.records.SearchRecord;

/**
 * The one owner of a training run folder's layout: the file names {@link TrainingRun} writes and every
 * reader (the CLI, the workbench) reads through here. A run folder holds
 * <pre>
 *   run.json          what the run is and how far it got ({@link RunRecord})
 *   split/            the saved train / validation / test lists ({@link Split})
 *   epochs.csv        one row per epoch; tensorboard/ the same as event files
 *   search.csv/.json  the hyperparameter search, if any ({@link SearchRecord})
 *   search/round-NNN/ a search round's trial x fold tasks for another process ({@link FoldTask}), and logs
 *   final/            the batch script and log of a final training run as a job of its own (a SLURM one)
 *   checkpoint.onnx   the last epoch's weights with optimizer state, to resume from
 *   model.onnx        the best epoch's weights: the model
 *   run.lock          locked while a training runs in the folder
 * </pre>
 * Runs from before {@code run.json} existed still open and resume (from their checkpoint's metadata).
 */
public final class RunFolder {

    public static final String MODEL_FILE = "model.onnx";
    public static final String CHECKPOINT_FILE = "checkpoint.onnx";
    public static final String RECORD_FILE = "run.json";
    public static final String SPLIT_FOLDER = "split";
    public static final String EPOCH_LOG = "epochs.csv";
    public static final String TENSORBOARD_FOLDER = "tensorboard";
    public static final String SEARCH_CSV = "search.csv";
    public static final String SEARCH_JSON = "search.json";
    public static final String SEARCH_ROUNDS = "search";
    public static final String FINAL_JOB_FOLDER = "final";
    /** Held (an OS file lock) while a process trains the run; the OS releases it when the process dies. */
    public static final String LOCK_FILE = "run.lock";

    private final Path folder;

    private RunFolder(Path folder) {
        this.folder = folder;
    }

    public static RunFolder at(Path folder) {
        return new RunFolder(folder);
    }

    /** Whether a folder looks like a run: it has a record, an epoch log, a model, a checkpoint or a search record. */
    public static boolean isRun(Path folder) {
        return List.of(RECORD_FILE, EPOCH_LOG, MODEL_FILE, CHECKPOINT_FILE, SEARCH_CSV).stream()
                .anyMatch(f -> Files.isRegularFile(folder.resolve(f)));
    }

    public Path folder() {
        return folder;
    }

    /**
     * Takes the folder for one training: a second training of the same folder, in this process or another,
     * is refused while the first runs. The lock is the operating system's, so a crashed or killed training
     * never leaves the folder locked.
     *
     * @throws IOException naming the folder when another training holds it
     */
    public Lock lock() throws IOException {
        Files.createDirectories(folder);
        FileChannel channel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another training in this process
        }
        if (lock == null) {
            channel.close();
            throw new IOException(folder + " is being trained by another training; wait for it to end or cancel it");
        }
        return new Lock(channel, lock);
    }

    /** A held run folder; closing releases it. */
    public static final class Lock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private Lock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    public Path model() {
        return folder.resolve(MODEL_FILE);
    }

    public Path checkpoint() {
        return folder.resolve(CHECKPOINT_FILE);
    }

    public Path recordFile() {
        return folder.resolve(RECORD_FILE);
    }

    /** {@code retraining.txt}: a retrained run's validation scores before and after ({@link Retraining}). */
    public Path retrainingFile() {
        return folder.resolve("retraining.txt");
    }

    public Path splitFolder() {
        return folder.resolve(SPLIT_FOLDER);
    }

    public Path epochLog() {
        return folder.resolve(EPOCH_LOG);
    }

    public Path tensorBoardFolder() {
        return folder.resolve(TENSORBOARD_FOLDER);
    }

    public Path searchCsv() {
        return folder.resolve(SEARCH_CSV);
    }

    public Path searchJson() {
        return folder.resolve(SEARCH_JSON);
    }

    /**
     * Deletes the temporary files a killed training left in the folder, its split and its TensorBoard
     * folders (not in the search rounds' folders, where a killed driver's tasks may still be writing). For
     * the holder of {@link #lock}.
     */
    public void removeTemporaries() throws IOException {
        fluffy.core.files.AtomicFiles.removeAllTemporaries(folder);
        fluffy.core.files.AtomicFiles.removeAllTemporaries(splitFolder());
        fluffy.core.files.AtomicFiles.removeAllTemporaries(tensorBoardFolder());
    }

    /** Where the trial x fold tasks of search round {@code round} (1-based) are written for other processes. */
    public Path searchRound(int round) {
        return folder.resolve(SEARCH_ROUNDS).resolve(String.format(java.util.Locale.ROOT, "round-%03d", round));
    }

    /** Where a final training submitted as a job of its own keeps its script and logs. */
    public Path finalJobFolder() {
        return folder.resolve(FINAL_JOB_FOLDER);
    }

    public boolean hasModel() {
        return Files.isRegularFile(model());
    }

    public boolean hasCheckpoint() {
        return Files.isRegularFile(checkpoint());
    }

    /** The run's record; empty for a run from before records (or one that has not started). */
    public Optional<RunRecord> record() throws IOException {
        return Files.isRegularFile(recordFile()) ? Optional.of(RunRecord.read(recordFile())) : Optional.empty();
    }

    /** The epochs logged so far; empty when there is no log yet. */
    public List<EpochResult> epochs() throws IOException {
        return Files.isRegularFile(epochLog()) ? EpochLog.read(epochLog()) : List.of();
    }

    /** The search record; empty when the run has no search (yet). */
    public Optional<SearchRecord> search() throws IOException {
        return Files.isRegularFile(searchJson()) ? Optional.of(SearchRecord.read(searchJson())) : Optional.empty();
    }

    /** When the search record last changed (to re-read it only then); -1 when there is none. */
    public long searchModified() {
        try {
            return Files.getLastModifiedTime(searchJson()).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Everything the folder says, read once, problems in words rather than thrown: what a view shows.
     *
     * @param record  the run record, or null (an old run, or an unreadable record: see problem)
     * @param trials  the search's trials, empty without one
     * @param problem the first file that could not be read and why, or null
     */
    public record Snapshot(Path folder, RunRecord record, List<EpochResult> epochs, List<SearchRecord.Trial> trials,
            boolean hasModel, boolean hasCheckpoint, String problem) {

        public Snapshot {
            epochs = List.copyOf(epochs);
            trials = List.copyOf(trials);
        }

        /** The epoch whose weights became model.onnx (the last one marked best), or null. */
        public EpochResult best() {
            return epochs.stream().filter(EpochResult::best).reduce((a, b) -> b).orElse(null);
        }

        /**
         * Whether the run can go on: from its checkpoint (also a finished run, for more epochs), or from its
         * record when it was stopped in its search, before any checkpoint.
         */
        public boolean resumable() {
            return hasCheckpoint || record != null && record.resumable() && record.search() != null;
        }

        /**
         * One line for the navigator, e.g. {@code 14 epochs, best validation F1 0.812 (epoch 12), test F1 0.797}
         * or {@code cancelled in the search, 2 search trials, no epochs yet}.
         */
        public String summary() {
            String status = record == null || record.status() == RunRecord.Status.COMPLETED ? ""
                    : record.status().label() + (record.phase() == RunRecord.Phase.SEARCH ? " in the search" : "");
            if (epochs.isEmpty()) {
                String text;
                if (!trials.isEmpty() && !hasModel) {
                    text = trials.size() + (trials.size() == 1 ? " search trial" : " search trials") + ", no epochs yet";
                } else if (hasModel) {
                    text = "model, no epoch log";
                } else {
                    text = problem != null ? "unreadable: " + problem : "no epochs yet";
                }
                return status.isEmpty() ? text : status + ", " + text;
            }
            EpochResult best = best();
            String text = epochs.size() + (epochs.size() == 1 ? " epoch" : " epochs");
            if (best != null) {
                text += String.format(Locale.ROOT, ", best validation F1 %.3f (epoch %d)", best.valF1(), best.epoch());
            }
            if (record != null && record.test() != null) {
                text += String.format(Locale.ROOT, ", test F1 %.3f", record.test().f1());
            }
            text = hasModel ? text : text + ", no model yet";
            return status.isEmpty() ? text : text + ", " + status;
        }
    }

    public Snapshot snapshot() {
        String problem = null;
        RunRecord record = null;
        List<EpochResult> epochs = List.of();
        List<SearchRecord.Trial> trials = List.of();
        try {
            record = record().orElse(null);
        } catch (IOException e) {
            problem = e.getMessage();
        }
        try {
            epochs = epochs();
        } catch (IOException e) {
            problem = problem == null ? e.getMessage() : problem;
        }
        try {
            trials = search().map(SearchRecord::trials).orElse(List.of());
        } catch (IOException e) {
            // being rewritten, or damaged: the epochs still show
        }
        return new Snapshot(folder, record, epochs, trials, hasModel(), hasCheckpoint(), problem);
    }

    /**
     * A request that goes on with this run where it stopped: from its record when it has one (everything the
     * run was started with, including a search cancelled before any checkpoint), else from its checkpoint's
     * metadata (runs from before records; they do not say how many epochs were planned).
     *
     * @param untilEpoch the epochs to go on to; 0 keeps the record's plan (or the defaults for an old run)
     * @throws IOException when the folder has nothing to resume from, or its model type is not installed
     */
    public TrainingRun.Request resumeRequest(SessionSettings session, int untilEpoch) throws IOException {
        Optional<RunRecord> saved = record();
        if (saved.isPresent()) {
            RunRecord r = saved.get();
            ModelType type = type(r.modelType());
            RunRecord.Settings s = r.settings();
            TrainingSettings settings = TrainingSettings.defaults(session).withOptimizer(s.optimizer())
                    .withLearningRate(s.learningRate()).withBatchSize(s.batchSize()).withCrop(s.crop())
                    .withEpochs(untilEpoch > 0 ? untilEpoch : s.epochs()).withStepsPerEpoch(s.stepsPerEpoch())
                    .withTimeBudget(s.timeBudget()).withSeed(s.seed())
                    .withChannels(fluffy.core.image.ChannelSelection.parse(s.channels()));
            HyperparameterValues values;
            try {
                values = HyperparameterValues.decode(type.hyperparameters(), r.hyperparameters());
            } catch (IllegalArgumentException e) {
                throw new IOException(recordFile() + ": " + e.getMessage(), e);
            }
            TrainingRun.SearchPlan search = r.search() == null ? null
                    : new TrainingRun.SearchPlan(new HyperparameterSearch.Plan(r.search().trials(), r.search().folds(),
                            r.search().epochsPerTrial(), r.search().parallel()), TrainingRun.SearchPlan.SILENT);
            return new TrainingRun.Request(r.data(), folder, type, values, settings, r.split(), true,
                    r.initFrom(), search);
        }
        if (!hasCheckpoint()) {
            throw new IOException(folder + " has no " + CHECKPOINT_FILE + " or " + RECORD_FILE + " to resume from");
        }
        ModelPackage checkpointed;
        try {
            checkpointed = ModelPackage.read(checkpoint(), ModelTypes::require);
        } catch (IllegalArgumentException e) {
            throw new IOException(checkpoint() + ": " + e.getMessage(), e);
        }
        String data = checkpointed.training().get("data");
        if (data == null) {
            throw new IOException(checkpoint() + " does not say which data it was trained on");
        }
        TrainingSettings fallback = TrainingSettings.defaults(session);
        fallback = untilEpoch > 0 ? fallback.withEpochs(untilEpoch) : fallback;
        // Only what the checkpoint lacks comes from the defaults; TrainingRun itself re-reads the rest on resume.
        return new TrainingRun.Request(Path.of(data), folder, checkpointed.type(), checkpointed.hyperparameters(),
                TrainingSettings.from(checkpointed.training(), fallback), Split.Fractions.DEFAULT, true, null);
    }

    private ModelType type(String id) throws IOException {
        try {
            return ModelTypes.require(id);
        } catch (IllegalArgumentException e) {
            throw new IOException(recordFile() + ": " + e.getMessage(), e);
        }
    }
}

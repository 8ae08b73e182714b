package fluffy.ui.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import fluffy.training.EpochResult;
import fluffy.training.TrainingRun;
import fluffy.training.records.EpochLog;

/**
 * What a training run folder holds, read from its files: the epochs logged so far and whether a model
 * and a checkpoint to resume from exist.
 *
 * @param problem why the epoch log could not be read, or null
 */
public record RunFolder(Path folder, List<EpochResult> epochs, boolean hasModel, boolean hasCheckpoint,
        String problem) {

    public RunFolder {
        epochs = List.copyOf(epochs);
    }

    /** Whether a folder looks like a run: it has an epoch log, a model, a checkpoint or a search record. */
    public static boolean isRun(Path folder) {
        return Files.isRegularFile(folder.resolve(TrainingRun.EPOCH_LOG))
                || Files.isRegularFile(folder.resolve(TrainingRun.MODEL_FILE))
                || Files.isRegularFile(folder.resolve(TrainingRun.CHECKPOINT_FILE))
                || Files.isRegularFile(folder.resolve(TrainingRun.SEARCH_CSV));
    }

    /** Reads a run folder; a damaged or missing epoch log is reported in {@link #problem()}, not thrown. */
    public static RunFolder read(Path folder) {
        Path log = folder.resolve(TrainingRun.EPOCH_LOG);
        List<EpochResult> epochs = List.of();
        String problem = null;
        if (Files.isRegularFile(log)) {
            try {
                epochs = EpochLog.read(log);
            } catch (IOException e) {
                problem = e.getMessage();
            }
        } else {
            problem = "no " + TrainingRun.EPOCH_LOG + " in " + folder;
        }
        return new RunFolder(folder, epochs, Files.isRegularFile(folder.resolve(TrainingRun.MODEL_FILE)),
                Files.isRegularFile(folder.resolve(TrainingRun.CHECKPOINT_FILE)), problem);
    }

    /** The epoch whose weights became model.onnx (the last one marked best), or null. */
    public EpochResult best() {
        return epochs.stream().filter(EpochResult::best).reduce((a, b) -> b).orElse(null);
    }

    /** One line for the navigator, e.g. {@code 14 epochs, best F1 0.812 (epoch 12)}. */
    public String summary() {
        if (problem != null && epochs.isEmpty()) {
            int trials = SearchTrials.read(folder).size();
            if (trials > 0 && !hasModel) {
                return trials + (trials == 1 ? " search trial" : " search trials") + ", no epochs yet";
            }
            return hasModel ? "model, no epoch log" : "unreadable: " + problem;
        }
        EpochResult best = best();
        String text = epochs.size() + (epochs.size() == 1 ? " epoch" : " epochs");
        if (best != null) {
            text += String.format(Locale.ROOT, ", best F1 %.3f (epoch %d)", best.valF1(), best.epoch());
        }
        return hasModel ? text : text + ", no model yet";
    }
}

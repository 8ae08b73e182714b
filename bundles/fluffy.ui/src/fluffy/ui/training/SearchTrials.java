package fluffy.ui.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fluffy.training.TrainingRun;
import fluffy.training.records.Csv;

/**
 * The trials of a run's hyperparameter search, read from its {@code search.csv} (one row per fold, the
 * trial's columns repeated), which the search rewrites after every fold: so a running search and a past
 * one read the same way, without knowing the search space.
 */
public final class SearchTrials {

    /** One trial: its mean validation F1 over the folds done so far, and its hyperparameters as written. */
    public record Trial(int number, String status, double meanF1, int folds, Map<String, String> point) {

        /** e.g. {@code depth=4, width=32, learning_rate=0.001}. */
        public String pointText() {
            List<String> parts = new ArrayList<>();
            point.forEach((k, v) -> parts.add(k + "=" + v));
            return String.join(", ", parts);
        }
    }

    /** Columns before the hyperparameters; the message is the last column. */
    private static final int FIXED = 8;

    private SearchTrials() {
    }

    /** The trials in order; empty when the run has no search (or its record cannot be read yet). */
    public static List<Trial> read(Path runDir) {
        Path csv = runDir.resolve(TrainingRun.SEARCH_CSV);
        if (!Files.isRegularFile(csv)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(csv);
        } catch (IOException e) {
            return List.of();
        }
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> header = Csv.split(lines.get(0));
        Map<Integer, Trial> trials = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = Csv.split(line);
            if (f.size() != header.size()) {
                continue; // a line being written
            }
            try {
                int number = Integer.parseInt(f.get(0));
                Map<String, String> point = new LinkedHashMap<>();
                for (int i = FIXED; i < header.size() - 1; i++) {
                    point.put(header.get(i), f.get(i));
                }
                int folds = f.get(4).isEmpty() ? 0 : Integer.parseInt(f.get(4));
                trials.put(number, new Trial(number, f.get(1), Csv.number(f.get(3)), folds, point));
            } catch (NumberFormatException e) {
                // a damaged line: the others still show
            }
        }
        return List.copyOf(trials.values());
    }
}

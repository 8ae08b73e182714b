package fluffy.training.records;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import fluffy.core.files.AtomicFiles;
import fluffy.models.Hyperparameter;

/**
 * Every trial of a hyperparameter search: its point, each fold's validation score and the objective
 * the search minimised. Written as CSV (one row per fold, for spreadsheets and pandas) and as JSON
 * (nested, with the search space, for programs and for resuming a search); both files are replaced
 * atomically, so a crash leaves the previous complete record. Thread-safe.
 */
public final class SearchRecord {

    public enum Status {
        RUNNING, COMPLETED, STOPPED_EARLY, FAILED, CANCELLED;

        /** The name in the files, e.g. {@code stopped_early}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status of(String label) {
            return valueOf(label.toUpperCase(Locale.ROOT));
        }
    }

    /** @param score the fold's validation score (higher is better); NaN when it has none */
    public record Fold(int fold, double score, int epochs, double seconds) {
    }

    /**
     * @param round     the round the trial was proposed in, with the others of that round (records from
     *                  before rounds: its number)
     * @param objective what the search minimised (e.g. 1 − mean score); NaN while running or when failed
     * @param message   why a trial failed or stopped early; empty otherwise
     */
    public record Trial(int number, int round, Map<String, Object> point, List<Fold> folds, double objective,
            Status status, String message) {

        /** A trial proposed on its own (a round of one). */
        public Trial(int number, Map<String, Object> point, List<Fold> folds, double objective, Status status,
                String message) {
            this(number, number, point, folds, objective, status, message);
        }

        public Trial {
            point = Collections.unmodifiableMap(new LinkedHashMap<>(point));
            folds = List.copyOf(folds);
            message = message == null ? "" : message;
        }

        /** Whether it ended by itself (completed, stopped early or failed): a resumed search does not run it again. */
        public boolean finished() {
            return status == Status.COMPLETED || status == Status.STOPPED_EARLY || status == Status.FAILED;
        }

        /** The mean of the folds' scores that are not NaN; NaN when there are none. */
        public double meanScore() {
            return folds.stream().mapToDouble(Fold::score).filter(s -> !Double.isNaN(s)).average().orElse(Double.NaN);
        }
    }

    private final List<Hyperparameter> space;
    private final TreeMap<Integer, Trial> trials = new TreeMap<>();

    public SearchRecord(List<Hyperparameter> space) {
        this.space = List.copyOf(space);
    }

    public List<Hyperparameter> space() {
        return space;
    }

    /**
     * Adds a trial, or replaces the one with its number (so a running trial can be recorded fold by fold).
     *
     * @throws IllegalArgumentException when the point does not fit the space
     */
    public synchronized void put(Trial trial) {
        if (!trial.point().keySet().equals(names())) {
            throw new IllegalArgumentException("trial " + trial.number() + " has hyperparameters "
                    + trial.point().keySet() + ", the search space " + names());
        }
        for (Hyperparameter h : space) {
            h.check(trial.point().get(h.name()));
        }
        trials.put(trial.number(), trial);
    }

    /** The trials by number. */
    public synchronized List<Trial> trials() {
        return List.copyOf(trials.values());
    }

    /** The completed trial with the lowest finite objective (the lowest number of equals). */
    public synchronized Optional<Trial> best() {
        return trials.values().stream().filter(t -> t.status() == Status.COMPLETED && Double.isFinite(t.objective()))
                .min(Comparator.comparingDouble(Trial::objective));
    }

    /** Writes both files, each through a temporary file and an atomic move. */
    public synchronized void write(Path csv, Path json) throws IOException {
        AtomicFiles.writeString(csv, csv());
        AtomicFiles.writeString(json, JsonWriter.write(json()));
    }

    /**
     * Reads a record written by {@link #write}, typing the points by the given space.
     *
     * @throws IOException for an unreadable file, or one that is not such a record (message says where)
     */
    public static SearchRecord read(Path json, List<Hyperparameter> space) throws IOException {
        String text = Files.readString(json, StandardCharsets.UTF_8);
        try {
            return SearchRecordJson.read(JsonReader.parse(text), space);
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new IOException(json + " is not a readable search record: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a record written by {@link #write} with the search space it records: for readers that do not
     * know the model type's space (the workbench following a run).
     *
     * @throws IOException for an unreadable file, or one that is not such a record (message says where)
     */
    public static SearchRecord read(Path json) throws IOException {
        String text = Files.readString(json, StandardCharsets.UTF_8);
        try {
            Object root = JsonReader.parse(text);
            return SearchRecordJson.read(root, SearchRecordJson.space(root));
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new IOException(json + " is not a readable search record: " + e.getMessage(), e);
        }
    }

    /**
     * The trials that ended by themselves (completed, stopped early or failed), by number: what a resumed
     * search keeps.
     */
    public synchronized List<Trial> finished() {
        return trials.values().stream().filter(Trial::finished).toList();
    }

    private Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        space.forEach(h -> names.add(h.name()));
        return names;
    }

    private String csv() {
        List<String> header = new ArrayList<>(List.of("trial", "round", "status", "objective", "mean_score", "fold", "score",
                "epochs", "seconds"));
        space.forEach(h -> header.add(Csv.field(h.name())));
        header.add("message");
        StringBuilder s = new StringBuilder(Csv.line(header));
        for (Trial t : trials.values()) {
            if (t.folds().isEmpty()) {
                s.append(csvRow(t, List.of("", "", "", "")));
            }
            for (Fold f : t.folds()) {
                s.append(csvRow(t, List.of(Integer.toString(f.fold()), Csv.number(f.score()),
                        Integer.toString(f.epochs()), Csv.number(f.seconds()))));
            }
        }
        return s.toString();
    }

    /** One row per fold, the trial's columns repeated, so that each row stands alone in a spreadsheet. */
    private String csvRow(Trial t, List<String> fold) {
        List<String> row = new ArrayList<>(List.of(Integer.toString(t.number()), Integer.toString(t.round()),
                t.status().label(),
                Csv.number(t.objective()), Csv.number(t.meanScore())));
        row.addAll(fold);
        space.forEach(h -> row.add(Csv.field(String.valueOf(t.point().get(h.name())))));
        row.add(Csv.field(t.message()));
        return Csv.line(row);
    }

    private Map<String, Object> json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", SearchRecordJson.FORMAT);
        root.put("space", space.stream().map(SearchRecordJson::dimension).toList());
        root.put("best_trial", best().map(Trial::number).orElse(null));
        root.put("trials", trials.values().stream().map(SearchRecordJson::trial).toList());
        return root;
    }
}

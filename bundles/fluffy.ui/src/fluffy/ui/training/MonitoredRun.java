package fluffy.ui.training;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IStatus;

import fluffy.jobs.TrainingJob;
import fluffy.training.EpochResult;
import fluffy.training.RunFolder;
import fluffy.training.TrainingRun;
import fluffy.training.records.RunRecord;
import fluffy.training.records.SearchRecord;

/**
 * What the Training Monitor shows about one run: its curves, where it stands, and what can be done with
 * it (cancel while it runs, resume when it stopped with a checkpoint). Changed on the display thread only.
 */
public final class MonitoredRun {

    public enum State {
        PAST("not running"), STARTING("waiting for the device"), RUNNING("training"), CANCELLED("cancelled"),
        FINISHED("finished"), FAILED("failed");

        private final String text;

        State(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private final Path folder;
    private final RunCurves curves;
    private final TrainingJob job;
    private final RunRecord record;
    private State state;
    private boolean hasCheckpoint;
    private String message = "";
    private List<SearchRecord.Trial> trials = List.of();
    private long trialsModified = -1;

    private MonitoredRun(Path folder, RunCurves curves, TrainingJob job, RunRecord record, State state,
            boolean hasCheckpoint) {
        this.folder = folder;
        this.curves = curves;
        this.job = job;
        this.record = record;
        this.state = state;
        this.hasCheckpoint = hasCheckpoint;
    }

    /** A run read from its folder. */
    public static MonitoredRun past(RunFolder.Snapshot run) {
        MonitoredRun m = new MonitoredRun(run.folder(), RunCurves.of(run.epochs()), null, run.record(), State.PAST,
                run.resumable());
        m.refreshTrials();
        m.message = run.problem() == null ? "" : run.problem();
        return m;
    }

    /** A run being trained by {@code job}; {@code logged} are epochs already in its log (a resumed run). */
    public static MonitoredRun live(TrainingJob job, List<EpochResult> logged) {
        return new MonitoredRun(job.runDir(), RunCurves.of(logged), job, null, State.STARTING, false);
    }

    public Path folder() {
        return folder;
    }

    public RunCurves curves() {
        return curves;
    }

    /** The job training this run, or null for a run read from disk. */
    public TrainingJob job() {
        return job;
    }

    public State state() {
        return state;
    }

    /** The search's trials as its record says; empty without a search. */
    public List<SearchRecord.Trial> trials() {
        return trials;
    }

    /** Reads the search record again if it changed on disk; returns whether it did. */
    public boolean refreshTrials() {
        RunFolder run = RunFolder.at(folder);
        long modified = run.searchModified();
        if (modified == trialsModified) {
            return false;
        }
        trialsModified = modified;
        try {
            trials = run.search().map(SearchRecord::trials).orElse(List.of());
        } catch (java.io.IOException e) {
            return false; // being replaced, or damaged: keep what was shown
        }
        return true;
    }

    /** The trials asked for, when known (a job's search plan or the run's record), else 0. */
    public int plannedTrials() {
        if (job != null) {
            TrainingRun.Request r = job.request();
            return r == null || r.search() == null ? 0 : r.search().trials();
        }
        return record == null || record.search() == null ? 0 : record.search().trials();
    }

    /** Adds a finished epoch; returns false for one already shown. */
    public boolean epoch(EpochResult result) {
        state = State.RUNNING;
        return curves.append(result);
    }

    public void running() {
        if (state == State.STARTING) {
            state = State.RUNNING;
        }
    }

    /** The job ended; a checkpoint exists from the first epoch on, a search resumes from its record. */
    public void finished(IStatus status) {
        state = switch (status.getSeverity()) {
            case IStatus.CANCEL -> State.CANCELLED;
            case IStatus.ERROR -> State.FAILED;
            default -> State.FINISHED;
        };
        hasCheckpoint |= curves.size() > 0 || (job != null && job.request() != null && job.request().search() != null);
        message = status.isOK() || status.getSeverity() == IStatus.CANCEL ? "" : status.getMessage();
    }

    public boolean canCancel() {
        return job != null && (state == State.STARTING || state == State.RUNNING);
    }

    public boolean canResume() {
        return hasCheckpoint && (state == State.PAST || state == State.CANCELLED || state == State.FAILED);
    }

    /** The epochs asked for, when known (runs from before run records do not say). */
    public int plannedEpochs() {
        if (job != null) {
            return job.request() == null ? 0 : job.request().settings().epochs();
        }
        return record == null ? 0 : record.settings().epochs();
    }

    /** The test split's scores, measured once when the run completed; null before (or for older runs). */
    public RunRecord.Test test() {
        if (job != null) {
            TrainingRun.Result r = job.result();
            return r == null || r.test() == null ? null
                    : new RunRecord.Test(r.test().images(), r.test().f1(), r.test().dice());
        }
        return record == null ? null : record.test();
    }

    /** The run's record when it was read from disk and has one; null otherwise. */
    public RunRecord record() {
        return record;
    }

    /**
     * Whether the run trained to its end: this job finished, or the run's record says it completed (within
     * a time budget that can be long before its planned epochs).
     */
    public boolean completed() {
        return state == State.FINISHED
                || state == State.PAST && record != null && record.status() == RunRecord.Status.COMPLETED;
    }

    /** The state in words: a run read from disk says what its record says (a record still "running": not running). */
    private String stateText() {
        if (state == State.PAST && record != null && record.status() != RunRecord.Status.RUNNING) {
            return record.status().label();
        }
        return state.toString();
    }

    /**
     * e.g. {@code nuclei · training · epoch 12 of 250 · best validation F1 0.712 (epoch 11)}, or for a run that
     * completed, {@code nuclei · completed · 17 epochs (20 min budget) · best validation F1 0.879 (epoch 15) ·
     * test F1 0.906}.
     */
    public String headline() {
        StringBuilder s = new StringBuilder(folder.getFileName() + " · " + stateText());
        if (curves.size() == 0 && !trials.isEmpty()) {
            s.append(" · search trial ").append(trials.get(trials.size() - 1).number());
            if (plannedTrials() > 0) {
                s.append(" of ").append(plannedTrials());
            }
        }
        Duration budget = timeBudget();
        if (curves.size() > 0 && completed()) {
            s.append(" · ").append(curves.lastEpoch()).append(curves.lastEpoch() == 1 ? " epoch" : " epochs");
            if (budget != null && curves.lastEpoch() < plannedEpochs()) {
                s.append(" (").append(budgetText(budget)).append(" budget)");
            }
        } else if (curves.size() > 0) {
            s.append(" · epoch ").append(curves.lastEpoch());
            if (plannedEpochs() > 0) {
                s.append(" of ").append(plannedEpochs());
            }
        }
        EpochResult best = curves.best();
        if (best != null) {
            s.append(String.format(Locale.ROOT, " · best validation F1 %.3f (epoch %d)", best.valF1(), best.epoch()));
        }
        RunRecord.Test test = test();
        if (test != null) {
            s.append(String.format(Locale.ROOT, " · test F1 %.3f", test.f1()));
        }
        return s.toString();
    }

    /** Device, pace and time left; or the reason a run failed. */
    public String details() {
        if (!message.isEmpty()) {
            return message;
        }
        StringBuilder s = new StringBuilder();
        if (job != null && job.request() != null) {
            TrainingRun.Request r = job.request();
            s.append("device ").append(r.settings().session().describe()).append(" · ").append(r.type().name());
            if (curves.size() > 0) {
                s.append(String.format(Locale.ROOT, " · %.1f s per epoch", curves.recentSecondsPerEpoch(Eta.RECENT)));
            }
            Duration eta = Eta.remaining(curves, plannedEpochs(), r.settings().timeBudget());
            if (eta != null && canCancel()) {
                s.append(" · about ").append(Eta.format(eta)).append(" left");
            }
        } else {
            s.append(folder);
        }
        // A retrained run: what the corrections bought, as Retraining measured it.
        java.nio.file.Path retraining = fluffy.training.RunFolder.at(folder).retrainingFile();
        if (job == null || job.getState() == org.eclipse.core.runtime.jobs.Job.NONE) {
            try {
                if (java.nio.file.Files.isRegularFile(retraining)) {
                    java.util.List<String> lines = java.nio.file.Files.readAllLines(retraining);
                    s.append(" · retrained: ").append(lines.get(lines.size() - 1));
                }
            } catch (java.io.IOException | RuntimeException e) {
                // the comparison is a note: without it the details are still true
            }
        }
        return s.toString();
    }

    private static String budgetText(Duration budget) {
        long minutes = budget.toMinutes();
        if (budget.toSeconds() % 60 != 0) {
            return Eta.format(budget);
        }
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes + " min";
    }

    /** The run's time budget, or null without one or when unknown. */
    private Duration timeBudget() {
        if (job != null) {
            return job.request() == null ? null : job.request().settings().timeBudget();
        }
        return record == null ? null : record.settings().timeBudget();
    }

    /** Fraction of the planned epochs done (all of it once the run completed), or -1 when unknown. */
    public double progress() {
        if (completed()) {
            return 1;
        }
        int planned = plannedEpochs();
        if (planned == 0) {
            return -1;
        }
        double byEpochs = curves.lastEpoch() / (double) planned;
        Duration budget = timeBudget();
        if (budget != null && budget.toMillis() > 0) {
            byEpochs = Math.max(byEpochs, curves.totalSeconds() * 1000 / budget.toMillis());
        }
        return Math.min(1, byEpochs);
    }
}

package fluffy.commands.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import fluffy.core.files.AtomicFiles;
import fluffy.models.ModelType;
import fluffy.training.FoldTask;
import fluffy.training.HyperparameterSearch;
import fluffy.training.RunFolder;
import fluffy.training.TrialExecutor;
import fluffy.training.data.Folds;

/**
 * Runs a search round on SLURM: every trial x fold of the round is one task of an array job ({@code fluffy
 * slurm trial}), submitted with {@code sbatch --wait}; when the array has ended, each task's scores are read
 * from the file it wrote. A task that failed or ran out of time left no scores: its trial is recorded as
 * failed, naming the task and its log, and the search goes on. A fold whose scores are already there (from
 * an attempt of the round that the driver did not live to read) is not trained again.
 */
public final class SlurmTrials implements TrialExecutor {

    private final ModelType type;
    private final Path data;
    private final RunFolder run;
    private final Path launcher;
    private final SlurmScripts.Resources resources;
    private final Consumer<String> log;

    SlurmTrials(ModelType type, Path data, RunFolder run, Path launcher, SlurmScripts.Resources resources,
            Consumer<String> log) {
        this.type = type;
        this.data = data.toAbsolutePath().normalize();
        this.run = run;
        this.launcher = launcher;
        this.resources = resources;
        this.log = log;
    }

    @Override
    public List<HyperparameterSearch.TrialResult> run(Round round, IProgressMonitor monitor,
            HyperparameterSearch.Listener listener) {
        SubMonitor progress = SubMonitor.convert(monitor, 1);
        Path folder = run.searchRound(round.number());
        try {
            List<FoldTask> tasks = new ArrayList<>();
            for (Proposal p : round.proposals()) {
                for (Folds.Fold fold : round.folds()) {
                    FoldTask task = FoldTask.of(p, fold);
                    if (FoldTask.readResult(FoldTask.resultFile(folder, task.trial(), task.fold())).isEmpty()) {
                        tasks.add(task);
                    }
                }
            }
            String jobId = tasks.isEmpty() ? null : submit(round, folder, tasks);
            progress.worked(1);
            List<HyperparameterSearch.TrialResult> results = new ArrayList<>();
            for (Proposal p : round.proposals()) {
                results.add(collect(p, round, folder, tasks, jobId, listener));
            }
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException("search round " + round.number() + " on SLURM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for search round " + round.number(), e);
        }
    }

    /** Writes the round's task files and script, submits the array and waits for all its tasks to end. */
    private String submit(Round round, Path folder, List<FoldTask> tasks) throws IOException, InterruptedException {
        Files.createDirectories(folder.resolve("logs"));
        try (Stream<Path> old = Files.list(folder)) {
            for (Path p : old.filter(p -> p.getFileName().toString().matches("task-\\d+\\.properties")).toList()) {
                Files.delete(p); // an earlier attempt's numbering; its results are kept by trial and fold
            }
        }
        for (int i = 0; i < tasks.size(); i++) {
            tasks.get(i).write(FoldTask.file(folder, i), data, type);
        }
        Path script = folder.resolve("trials.sbatch");
        AtomicFiles.writeString(script, SlurmScripts.trials(launcher, folder, tasks.size(), resources));
        log.accept("round " + round.number() + ": submitting " + tasks.size() + " trial x fold task(s) (" + script
                + ") and waiting for them");
        SlurmCommand.Sbatch.Submitted s = SlurmCommand.Sbatch.submit(List.of("--wait", script.toString()));
        if (s.jobId() == null) {
            throw new IOException("sbatch " + script + " failed (exit " + s.exit() + "): " + s.output().strip());
        }
        log.accept("round " + round.number() + ": array job " + s.jobId() + " ended" + (s.exit() == 0 ? ""
                : " with exit " + s.exit() + " (a task failed)") + "; logs " + folder.resolve("logs"));
        return s.jobId();
    }

    private HyperparameterSearch.TrialResult collect(Proposal p, Round round, Path folder, List<FoldTask> tasks,
            String jobId, HyperparameterSearch.Listener listener) throws IOException {
        List<HyperparameterSearch.FoldScore> scores = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Folds.Fold fold : round.folds()) {
            int number = fold.index() + 1;
            Optional<FoldTask.Result> r = FoldTask.readResult(FoldTask.resultFile(folder, p.trial(), number));
            if (r.isPresent()) {
                HyperparameterSearch.FoldScore score = new HyperparameterSearch.FoldScore(p.trial(), number, p.point(),
                        r.get().f1(), r.get().dice(), r.get().valLoss(), r.get().seconds());
                scores.add(score);
                listener.foldFinished(score);
            } else {
                int index = indexOf(tasks, p.trial(), number);
                missing.add("fold " + number + " (task " + index + ": " + folder.resolve("logs")
                        .resolve("trial-" + jobId + "_" + index + ".out") + ")");
            }
        }
        HyperparameterSearch.TrialResult result = HyperparameterSearch.TrialResult.of(p, scores, false,
                missing.isEmpty() ? null : "no scores from " + String.join(", ", missing)
                        + ": the task failed or ran out of time");
        listener.trialFinished(result);
        return result;
    }

    private static int indexOf(List<FoldTask> tasks, int trial, int fold) {
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i).trial() == trial && tasks.get(i).fold() == fold) {
                return i;
            }
        }
        return -1;
    }
}

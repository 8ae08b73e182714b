package fluffy.commands.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import fluffy.core.files.AtomicFiles;
import fluffy.headless.Arguments;
import fluffy.headless.UsageException;
import fluffy.training.RunFolder;
import fluffy.training.TrainingRun;

/**
 * {@code fluffy train --executor slurm}: the search's rounds run as array jobs ({@link SlurmTrials}), and the
 * final training as one more job. The driver stops its own run once the search has ended (its record says
 * {@code queued}), which releases the run's lock, and submits {@code fluffy train --resume} of the same run
 * folder with {@code sbatch --wait}; that job takes the lock, repeats the recorded search's choice and
 * trains. A job cut short is resumed by submitting its script again, or by running the driver again.
 */
public final class SlurmTraining {

    /** The options of {@code fluffy train --executor slurm} that go to sbatch. */
    public static final String USAGE = """
              --executor         local (default): trials and final training run here, one after the other;
                                 slurm: each round's trials x folds run at once as a SLURM array job, then
                                 the final training as one more job (all with sbatch --wait, this command
                                 waiting for them); the run folder must be on a filesystem the nodes share
              --parallel-trials  trials proposed per round (default 1; with slurm, e.g. 4)
              --partition, --time, --cpus-per-task (default 2), --mem, --gres
                                 the sbatch options of each job (--executor slurm)
              --sbatch-arg       other sbatch options, e.g. "--account=lab --qos=short"
            """;

    private final Path launcher;
    private final SlurmScripts.Resources resources;

    private SlurmTraining(Path launcher, SlurmScripts.Resources resources) {
        this.launcher = launcher;
        this.resources = resources;
    }

    /**
     * What {@code --executor} and the sbatch options ask for; null for a local run.
     *
     * @throws UsageException for an unknown executor or a bad option
     */
    public static SlurmTraining fromOptions(Arguments args) throws UsageException {
        String executor = args.value("executor").orElse("local");
        String partition = args.value("partition").orElse(null);
        String time = args.value("time").orElse(null);
        String cpus = args.value("cpus-per-task").orElse(null);
        String mem = args.value("mem").orElse(null);
        String gres = args.value("gres").orElse(null);
        String extra = args.value("sbatch-arg").orElse(null);
        if (executor.equals("local")) {
            if (partition != null || time != null || cpus != null || mem != null || gres != null || extra != null) {
                throw new UsageException("--partition, --time, --cpus-per-task, --mem, --gres and --sbatch-arg are "
                        + "for --executor slurm");
            }
            return null;
        }
        if (!executor.equals("slurm")) {
            throw new UsageException("--executor takes local or slurm, not '" + executor + "'");
        }
        int cpusPerTask = SlurmCommand.positive(cpus, "cpus-per-task", 2);
        String launcherProperty = System.getProperty("fluffy.launcher");
        if (launcherProperty == null) {
            throw new UsageException("--executor slurm must be run through the fluffy launcher (the jobs call it)");
        }
        return new SlurmTraining(Path.of(launcherProperty).toAbsolutePath(), new SlurmScripts.Resources(partition, time,
                cpusPerTask, mem, gres, extra == null ? List.of()
                        : Arrays.stream(extra.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList()));
    }

    /** Runs each search round's trials x folds as one array job. */
    public TrainingRun.Executors trials() {
        return (type, data, run, log) -> new SlurmTrials(type, data, run, launcher, resources, log);
    }

    /** What the final training job did. */
    public record Submitted(String jobId, int exit, Path script, Path log) {
    }

    /**
     * Writes the final training's script into the run folder, submits it and waits for the job to end.
     *
     * @param data the run's data folder, as the run record has it
     * @throws IOException when sbatch cannot be run or refuses the script
     */
    public Submitted trainFinal(RunFolder run, Path data, Consumer<String> log) throws IOException, InterruptedException {
        Path runDir = run.folder().toAbsolutePath().normalize();
        Path folder = run.finalJobFolder();
        Files.createDirectories(folder.resolve("logs"));
        Path script = folder.resolve("train.sbatch");
        AtomicFiles.writeString(script, SlurmScripts.finalTraining(launcher, runDir,
                data.toAbsolutePath().normalize(), resources));
        log.accept("final training: submitting " + script + " and waiting for it");
        SlurmCommand.Sbatch.Submitted s = SlurmCommand.Sbatch.submit(List.of("--wait", script.toString()));
        if (s.jobId() == null) {
            throw new IOException("sbatch " + script + " failed (exit " + s.exit() + "): " + s.output().strip());
        }
        Path out = folder.resolve("logs").resolve("train-" + s.jobId() + ".out");
        log.accept("final training: job " + s.jobId() + " ended" + (s.exit() == 0 ? "" : " with exit " + s.exit())
                + "; log " + out);
        return new Submitted(s.jobId(), s.exit(), script, out);
    }
}

package fluffy.commands.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The batch scripts of a cluster prediction, kept in {@code <output>/slurm/} so a user can read, edit and
 * resubmit them: {@code predict.sbatch}, an array job whose tasks each run {@code fluffy predict} on their
 * share of the inputs (the share comes from SLURM's array variables), and {@code check.sbatch}, which runs
 * after the whole array, whatever its tasks' outcome, and says which images lack outputs.
 */
final class SlurmScripts {

    /** Resources asked of SLURM; null or empty leaves the cluster's default. */
    record Resources(String partition, String time, int cpusPerTask, String mem, String gres, List<String> extra) {
    }

    private SlurmScripts() {
    }

    static Path folder(Path output) {
        return output.resolve("slurm");
    }

    static String predict(Path launcher, Path output, int tasks, Resources r, List<String> predictArguments) {
        List<String> lines = header("fluffy-predict", r);
        lines.add("#SBATCH --array=0-" + (tasks - 1));
        lines.add("#SBATCH --output=" + quote(folder(output).resolve("logs").resolve("predict-%A_%a.out")));
        lines.add("# Each task predicts every " + tasks + "-th input from its SLURM_ARRAY_TASK_ID (fluffy predict --shard);");
        lines.add("# images whose outputs are complete are skipped, so a requeued or resubmitted task is harmless.");
        lines.add("exec " + quote(launcher) + " predict " + join(predictArguments));
        return String.join("\n", lines) + "\n";
    }

    static String check(Path launcher, List<String> checkArguments, Path truth, Path output, Resources r) {
        Resources one = new Resources(r.partition(), r.time(), 1, r.mem(), null, r.extra());
        List<String> lines = header("fluffy-check", one);
        lines.add("#SBATCH --output=" + quote(folder(output).resolve("logs").resolve("check-%j.out")));
        lines.add("# Runs after every task of the array (afterany: also when some failed, to name what is missing).");
        String check = quote(launcher) + " slurm check " + join(checkArguments);
        if (truth == null) {
            lines.add("exec " + check);
        } else {
            lines.add(check + " || exit $?");
            lines.add("exec " + quote(launcher) + " evaluate --pred " + quote(output) + " --truth " + quote(truth));
        }
        return String.join("\n", lines) + "\n";
    }

    /** The array job of a search round: task I trains the trial x fold that {@code task-I.properties} holds. */
    static String trials(Path launcher, Path round, int tasks, Resources r) {
        List<String> lines = header("fluffy-search", r);
        lines.add("#SBATCH --array=0-" + (tasks - 1));
        lines.add("#SBATCH --output=" + quote(round.resolve("logs").resolve("trial-%A_%a.out")));
        lines.add("# Each task trains one fold of one trial (task-$SLURM_ARRAY_TASK_ID.properties) and writes its");
        lines.add("# scores next to it; the search driver (fluffy train --executor slurm) reads them when all have ended.");
        lines.add("exec " + quote(launcher) + " slurm trial " + quote(round));
        return String.join("\n", lines) + "\n";
    }

    /**
     * The final training of a run whose search has ended: the job resumes the run, which repeats the recorded
     * search's choice at once and trains with it (or goes on from the checkpoint of an attempt cut short).
     */
    static String finalTraining(Path launcher, Path run, Path data, Resources r) {
        List<String> lines = header("fluffy-train", r);
        lines.add("#SBATCH --output=" + quote(run.resolve(fluffy.training.RunFolder.FINAL_JOB_FOLDER).resolve("logs")
                .resolve("train-%j.out")));
        lines.add("# The final training of the run after its search (fluffy train --executor slurm); submitted again,");
        lines.add("# it goes on from the checkpoint where an earlier attempt stopped.");
        lines.add("exec " + quote(launcher) + " train " + join(List.of("--dir_in", data.toString(), "--dir_out",
                run.getParent().toString(), "--name", run.getFileName().toString(), "--resume", "--threads",
                Integer.toString(r.cpusPerTask()))));
        return String.join("\n", lines) + "\n";
    }

    private static List<String> header(String name, Resources r) {
        List<String> lines = new ArrayList<>();
        lines.add("#!/bin/bash");
        lines.add("# Written by fluffy; submit again with: sbatch <this file>");
        lines.add("#SBATCH --job-name=" + name);
        if (r.partition() != null) {
            lines.add("#SBATCH --partition=" + r.partition());
        }
        if (r.time() != null) {
            lines.add("#SBATCH --time=" + r.time());
        }
        lines.add("#SBATCH --cpus-per-task=" + r.cpusPerTask());
        if (r.mem() != null) {
            lines.add("#SBATCH --mem=" + r.mem());
        }
        if (r.gres() != null) {
            lines.add("#SBATCH --gres=" + r.gres());
        }
        for (String arg : r.extra()) {
            lines.add("#SBATCH " + arg);
        }
        return lines;
    }

    private static String join(List<String> arguments) {
        return String.join(" ", arguments.stream().map(SlurmScripts::quote).toList());
    }

    /** A shell word: single-quoted unless plainly safe. */
    static String quote(Object value) {
        String s = value.toString();
        if (s.matches("[A-Za-z0-9_./:=@%+,-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}

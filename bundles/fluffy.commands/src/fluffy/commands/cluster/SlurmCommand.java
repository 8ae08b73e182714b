package fluffy.commands.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fluffy.commands.inference.PredictCommand;
import fluffy.core.files.AtomicFiles;
import fluffy.headless.Arguments;
import fluffy.headless.Command;
import fluffy.headless.CommandContext;
import fluffy.headless.ExitCodes;
import fluffy.headless.UsageException;
import fluffy.inference.BatchPrediction;
import fluffy.inference.output.ImageOutputs;
import fluffy.models.ModelTypes;
import fluffy.commands.DeviceOption;
import fluffy.runtime.Devices;
import fluffy.core.image.Normalization;
import fluffy.runtime.session.SessionSettings;
import fluffy.training.FoldTask;
import fluffy.training.data.ProcessedFolder;
import org.eclipse.core.runtime.NullProgressMonitor;

/**
 * {@code fluffy slurm predict}: a batch prediction as a SLURM array job of {@code fluffy predict --shard}
 * tasks and a check job after it, submitted through {@code sbatch} itself (no distribution layer of our
 * own); {@code fluffy slurm check}: what that check job runs.
 */
public final class SlurmCommand implements Command {

    /** SLURM's default MaxArraySize is 1001: array indices 0..1000. */
    static final int MAX_TASKS = 1000;
    static final int DEFAULT_IMAGES_PER_TASK = 50;
    private static final Set<String> VALUED = Set.of("tasks", "images-per-task", "partition", "time", "cpus-per-task",
            "mem", "gres", "sbatch-arg", "truth");
    private static final Set<String> FLAGS = Set.of("wait", "dry-run");

    @Override
    public String usage() {
        return """
                Usage: fluffy slurm predict --input DIR --output DIR [predict options]
                                            [--tasks N | --images-per-task K] [--partition P] [--time T]
                                            [--cpus-per-task C] [--mem M] [--gres gpu:1] [--sbatch-arg ARG]...
                                            [--truth DIR] [--wait] [--dry-run]
                       fluffy slurm check --input DIR --output DIR [--probabilities]
                       fluffy slurm trial ROUND_FOLDER [--task I]

                  predict          writes OUTPUT/slurm/predict.sbatch (an array job: each task runs fluffy
                                   predict on its share of the sorted inputs) and OUTPUT/slurm/check.sbatch
                                   (after every task, also failed ones: lists the images without outputs in
                                   OUTPUT/slurm/manifest.csv; with --truth it then evaluates the whole set),
                                   submits both with sbatch and prints their job ids and logs
                                   (OUTPUT/slurm/logs/). Any fluffy predict option but --shard is passed on.
                  --tasks          array tasks (default: one per 50 images, at most 1000)
                  --images-per-task
                                   images per task instead of --tasks
                  --partition, --time, --cpus-per-task (default 2), --mem, --gres
                                   the sbatch options of the tasks (the check job takes one CPU)
                  --sbatch-arg     any other sbatch option, e.g. --sbatch-arg=--account=lab (repeatable)
                  --wait           wait for the check job; the exit code is its own (0: every image has
                                   its outputs, 3: some lack them)
                  --dry-run        print the scripts; write and submit nothing
                  check            the check job's command: exit 0 when every input has complete outputs,
                                   else 3, naming the images without
                  trial            a search task's command (fluffy train --executor slurm writes the round
                                   folders): trains the trial x fold of ROUND_FOLDER/task-I.properties,
                                   I from --task or SLURM_ARRAY_TASK_ID, and writes its scores there

                Resubmitting (sbatch OUTPUT/slurm/predict.sbatch, or the same command again) predicts only
                the images whose outputs are missing. The nodes need the output folder and the product on a
                shared filesystem, and Java 21+ (or the product's own).
                """;
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws Exception {
        if (arguments.isEmpty()) {
            throw new UsageException("fluffy slurm needs a subcommand: predict, check or trial");
        }
        List<String> rest = arguments.subList(1, arguments.size());
        return switch (arguments.get(0)) {
            case "predict" -> predict(context, rest);
            case "check" -> check(context, rest);
            case "trial" -> trial(context, rest);
            default -> throw new UsageException("unknown subcommand '" + arguments.get(0)
                    + "': predict, check or trial");
        };
    }

    private int predict(CommandContext context, List<String> arguments) throws Exception {
        List<String> predictArguments = new ArrayList<>();
        Map<String, List<String>> ours = split(arguments, predictArguments);
        if (predictArguments.stream().anyMatch(a -> a.equals("--shard") || a.startsWith("--shard="))) {
            throw new UsageException("--shard is each task's own (from its array index); leave it out");
        }
        PredictCommand.Parsed p = PredictCommand.parse(predictArguments); // the tasks' options, checked here
        Path input = p.input().toAbsolutePath().normalize();
        Path output = p.output().toAbsolutePath().normalize();
        List<Path> inputs = PredictCommand.inputs(input);
        int tasks = tasks(ours, inputs.size());
        SlurmScripts.Resources resources = new SlurmScripts.Resources(one(ours, "partition"), one(ours, "time"),
                positive(one(ours, "cpus-per-task"), "cpus-per-task", 2), one(ours, "mem"), one(ours, "gres"),
                ours.getOrDefault("sbatch-arg", List.of()));
        Path truth = one(ours, "truth") == null ? null : Path.of(one(ours, "truth")).toAbsolutePath().normalize();
        if (truth != null && !Files.isDirectory(truth)) {
            throw new UsageException("--truth " + truth + ": no such folder");
        }
        String launcherProperty = System.getProperty("fluffy.launcher");
        if (launcherProperty == null) {
            throw new IOException("fluffy slurm must be run through the fluffy launcher (the scripts call it)");
        }
        Path launcher = Path.of(launcherProperty).toAbsolutePath();
        String predictScript = SlurmScripts.predict(launcher, output, tasks, resources, absolute(predictArguments,
                input, output));
        List<String> checkArguments = new ArrayList<>(List.of("--input", input.toString(), "--output",
                output.toString()));
        if (p.probabilities()) {
            checkArguments.add("--probabilities");
        }
        String checkScript = SlurmScripts.check(launcher, checkArguments, truth, output, resources);
        if (ours.containsKey("dry-run")) {
            context.out().print("# " + SlurmScripts.folder(output).resolve("predict.sbatch") + "\n" + predictScript);
            context.out().print("# " + SlurmScripts.folder(output).resolve("check.sbatch") + "\n" + checkScript);
            context.out().printf("dry run: %d image(s) in %d task(s); nothing written or submitted%n", inputs.size(),
                    tasks);
            return ExitCodes.OK;
        }
        Path folder = SlurmScripts.folder(output);
        Files.createDirectories(folder.resolve("logs"));
        Path predictFile = folder.resolve("predict.sbatch");
        Path checkFile = folder.resolve("check.sbatch");
        AtomicFiles.writeString(predictFile, predictScript);
        AtomicFiles.writeString(checkFile, checkScript);
        Sbatch.Submitted array = Sbatch.submit(List.of(predictFile.toString()));
        if (array.exit() != 0) {
            context.err().println("sbatch " + predictFile + " failed: " + array.output().strip());
            return array.exit();
        }
        context.out().printf("submitted array job %s: %d task(s) for %d image(s); logs %s%n", array.jobId(), tasks,
                inputs.size(), folder.resolve("logs").resolve("predict-" + array.jobId() + "_*.out"));
        boolean wait = ours.containsKey("wait");
        List<String> checkCommand = new ArrayList<>(List.of("--dependency=afterany:" + array.jobId()));
        if (wait) {
            checkCommand.add("--wait");
        }
        checkCommand.add(checkFile.toString());
        if (wait) {
            context.out().printf("waiting for the check job after %s ...%n", array.jobId());
            context.out().flush();
        }
        Sbatch.Submitted check = Sbatch.submit(checkCommand);
        if (check.jobId() == null) {
            context.err().println("sbatch " + checkFile + " failed: " + check.output().strip());
            return check.exit() == 0 ? ExitCodes.FAILED : check.exit();
        }
        context.out().printf("%s check job %s (after %s); log %s, manifest %s%n", wait ? "finished" : "submitted",
                check.jobId(), array.jobId(), folder.resolve("logs").resolve("check-" + check.jobId() + ".out"),
                folder.resolve("manifest.csv"));
        if (wait && check.exit() != 0) {
            context.err().println("the check job exited with " + check.exit() + "; see its log");
        }
        return wait ? check.exit() : ExitCodes.OK;
    }

    private int check(CommandContext context, List<String> arguments) throws Exception {
        Arguments args = Arguments.parse(arguments, Set.of("probabilities"));
        Path input = Path.of(args.require("input"));
        Path output = Path.of(args.require("output"));
        boolean probabilities = args.flag("probabilities");
        args.finish();
        args.noPositional();
        List<Path> inputs = PredictCommand.inputs(input);
        StringBuilder manifest = new StringBuilder("image,status\n");
        List<String> missing = new ArrayList<>();
        for (Path image : inputs) {
            boolean done = ImageOutputs.complete(output, BatchPrediction.stem(image), probabilities);
            manifest.append(csv(image.getFileName().toString())).append(done ? ",complete\n" : ",missing\n");
            if (!done) {
                missing.add(image.getFileName().toString());
            }
        }
        Path folder = SlurmScripts.folder(output);
        Files.createDirectories(folder);
        AtomicFiles.writeString(folder.resolve("manifest.csv"), manifest.toString());
        context.out().printf("%d of %d image(s) have their outputs in %s; manifest %s%n",
                inputs.size() - missing.size(), inputs.size(), output, folder.resolve("manifest.csv"));
        if (!missing.isEmpty()) {
            context.err().printf("no outputs for %d image(s) (their task's log says why): %s%n", missing.size(),
                    String.join(", ", missing.subList(0, Math.min(20, missing.size())))
                            + (missing.size() > 20 ? ", ..." : ""));
            return ExitCodes.PARTIAL;
        }
        return ExitCodes.OK;
    }

    private int trial(CommandContext context, List<String> arguments) throws Exception {
        Arguments args = Arguments.parse(arguments, Set.of());
        String index = args.value("task").orElse(System.getenv("SLURM_ARRAY_TASK_ID"));
        args.finish();
        if (args.positional().size() != 1) {
            throw new UsageException("fluffy slurm trial takes one round folder");
        }
        if (index == null) {
            throw new UsageException("no task: give --task I, or run it as a SLURM array task");
        }
        int task = positiveOrZero(index, "task");
        Path round = Path.of(args.positional().get(0));
        int threads = PredictCommand.defaultThreads(System.getenv());
        FoldTask.Stored stored = FoldTask.read(FoldTask.file(round, task), ModelTypes::require,
                new SessionSettings(Devices.choose(DeviceOption.parse(null)), threads));
        FoldTask t = stored.task();
        context.out().printf("%s (task %d): %d training and %d validation image(s), %s%n", t, task, t.train().size(),
                t.validation().size(), t.settings().session().describe());
        List<String> problems = new ArrayList<>();
        Optional<FoldTask.Result> result = t.run(stored.type(), (names, values) -> ProcessedFolder.load(stored.data(),
                names, stored.type(), values, Normalization.DEFAULT, t.settings().channels(), p -> {
                    problems.add(p);
                    context.err().println(p);
                }), new NullProgressMonitor());
        if (result.isEmpty()) {
            context.err().println(t + ": no epoch finished; no scores written");
            return ExitCodes.FAILED;
        }
        FoldTask.writeResult(FoldTask.resultFile(round, t.trial(), t.fold()), result.get());
        context.out().printf(Locale.ROOT, "%s: val_f1@0.5 %.4f  val_dice %.4f  %.1fs%n", t, result.get().f1(),
                result.get().dice(), result.get().seconds());
        return ExitCodes.OK;
    }

    private static int positiveOrZero(String value, String name) throws UsageException {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UsageException("--" + name + " takes a whole number from 0, not '" + value + "'");
    }

    /** Takes this command's own options out of {@code arguments}; the rest, in order, go to predict. */
    private static Map<String, List<String>> split(List<String> arguments, List<String> rest) throws UsageException {
        Map<String, List<String>> ours = new java.util.LinkedHashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            String arg = arguments.get(i);
            String name = arg.startsWith("--") ? arg.substring(2) : "";
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (FLAGS.contains(name)) {
                ours.put(name, List.of());
            } else if (VALUED.contains(name)) {
                if (value == null) {
                    if (i + 1 >= arguments.size()) {
                        throw new UsageException("option --" + name + " needs a value");
                    }
                    value = arguments.get(++i);
                }
                ours.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                rest.add(arg);
            }
        }
        for (Map.Entry<String, List<String>> e : ours.entrySet()) {
            if (!e.getKey().equals("sbatch-arg") && e.getValue().size() > 1) {
                throw new UsageException("option --" + e.getKey() + " is given twice");
            }
        }
        return ours;
    }

    private static int tasks(Map<String, List<String>> ours, int images) throws UsageException {
        if (ours.containsKey("tasks") && ours.containsKey("images-per-task")) {
            throw new UsageException("give --tasks or --images-per-task, not both");
        }
        int tasks = ours.containsKey("tasks") ? positive(one(ours, "tasks"), "tasks", 1)
                : (images + positive(one(ours, "images-per-task"), "images-per-task", DEFAULT_IMAGES_PER_TASK) - 1)
                        / positive(one(ours, "images-per-task"), "images-per-task", DEFAULT_IMAGES_PER_TASK);
        tasks = Math.max(1, Math.min(tasks, images));
        if (tasks > MAX_TASKS) {
            throw new UsageException(tasks + " tasks exceed SLURM's default array size of " + (MAX_TASKS + 1)
                    + "; give more --images-per-task");
        }
        return tasks;
    }

    /** The predict options with input, output and model as absolute paths (tasks start elsewhere). */
    private static List<String> absolute(List<String> arguments, Path input, Path output) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String a = arguments.get(i);
            String name = a.startsWith("--") ? a.substring(2).split("=", 2)[0] : "";
            boolean inline = a.contains("=");
            if (name.equals("input") || name.equals("output") || name.equals("model")) {
                String value = inline ? a.substring(a.indexOf('=') + 1) : arguments.get(++i);
                Path path = name.equals("input") ? input : name.equals("output") ? output
                        : Path.of(value).toAbsolutePath().normalize();
                out.add("--" + name);
                out.add(path.toString());
            } else {
                out.add(a);
            }
        }
        return out;
    }

    private static String one(Map<String, List<String>> ours, String name) {
        List<String> v = ours.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** A positive whole number of an option's value, {@code fallback} when it is not given. */
    static int positive(String value, String name, int fallback) throws UsageException {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UsageException("--" + name + " takes a positive whole number, not '" + value + "'");
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** Runs sbatch and reads its job id ({@code --parsable}: "id" or "id;cluster"). */
    static final class Sbatch {

        record Submitted(String jobId, int exit, String output) {
        }

        private Sbatch() {
        }

        static Submitted submit(List<String> arguments) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("sbatch", "--parsable"));
            command.addAll(arguments);
            Process process;
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new IOException("cannot run sbatch (" + e.getMessage() + "): is this a SLURM submit host with "
                        + "sbatch on the PATH?", e);
            }
            process.getOutputStream().close();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            String id = null;
            for (String line : text.strip().split("\n")) {
                String first = line.strip().split(";")[0];
                if (first.matches("\\d+")) {
                    id = first;
                    break;
                }
            }
            return new Submitted(id, exit, text);
        }
    }
}

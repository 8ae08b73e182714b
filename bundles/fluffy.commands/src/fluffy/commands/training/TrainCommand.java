package fluffy.commands.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import fluffy.core.image.ChannelSelection;
import fluffy.commands.DeviceOption;
import fluffy.commands.cluster.SlurmTraining;
import fluffy.headless.Arguments;
import fluffy.headless.Command;
import fluffy.headless.CommandContext;
import fluffy.headless.ExitCodes;
import fluffy.headless.Options;
import fluffy.headless.ProgressBar;
import fluffy.headless.UsageException;
import fluffy.models.HyperparameterValues;
import fluffy.models.ModelType;
import fluffy.models.ModelTypes;
import fluffy.runtime.DeviceUnavailableException;
import fluffy.runtime.DeviceRequest;
import fluffy.runtime.Devices;
import fluffy.runtime.session.SessionSettings;
import fluffy.training.data.Augmentation;
import fluffy.training.EpochResult;
import fluffy.training.Trainer;
import fluffy.training.TrainingRun;
import fluffy.training.TrainingSettings;
import fluffy.training.HyperparameterSearch;
import fluffy.training.RunFolder;
import fluffy.training.data.Split;
import fluffy.training.records.RunRecord;

/** {@code fluffy train}: the original's train_model.py options, plus Fluffy's own. */
public final class TrainCommand implements Command {

    @Override
    public String usage() {
        TrainingSettings d = TrainingSettings.defaults(null);
        HyperparameterSearch.Plan p = HyperparameterSearch.Plan.defaults();
        Split.Fractions f = Split.Fractions.DEFAULT;
        return """
                Usage: fluffy train --dir_in DIR --dir_out DIR --name NAME [--binary true|false]
                                    [--use_defaults true|false] [--model-type ID] [--hyperparameters "k=v k=v"]
                                    [--epochs N] [--time-budget 20m] [--steps-per-epoch N] [--batch N] [--crop N]
                                    [--learning-rate X] [--optimizer adam|adamw|rmsprop|sgd] [--seed N]
                                    [--device auto|cpu|cuda[:N]] [--threads N] [--resume] [--init-from MODEL]
                                    [--trials %d] [--folds %d] [--search-epochs %d] [--parallel-trials Q]
                                    [--executor local|slurm [--partition P] [--time T] [--cpus-per-task C]
                                     [--mem M] [--gres G] [--sbatch-arg "ARGS"]]
                                    [--test-fraction %s] [--validation-fraction %s] [--patience N]
                                    [--channels C1,C2,...] [--zoom MIN,MAX] [--blur SIGMA]

                  --dir_in           a Processed/ folder (images/ + masks/ of the same names) or a workspace
                  --dir_out, --name  the run folder is DIR_OUT/NAME: split lists, model.onnx, checkpoint, logs
                  --binary           true: binary U-Net (unet.binary); false (default): the default model type
                                     (the categorical U-Net, unet.categorical, unless an extension says otherwise)
                  --model-type       any installed model type (see fluffy models); overrides --binary
                  --hyperparameters  the model type's hyperparameters, e.g. "depth=3 width=16"
                  --epochs           at most this many epochs (default %d, as the original)
                  --time-budget      stop after the epoch that exhausts it: seconds (1200) or 20m, 2h
                  --use_defaults     false: Bayesian search first (--trials points x --folds folds x
                                     --search-epochs epochs; with --time-budget the search gets half)
                  --resume           continue the run in DIR_OUT/NAME where it stopped (its run.json says how
                                     it was started; a search goes on after its last finished trial)
                  --init-from        fine-tune from an existing model file
                  --steps-per-epoch  training steps between validations (default %d)
                  --batch, --crop    crops per step and their side in pixels (defaults %d and %d)
                  --learning-rate    peak learning rate after the warm-up epoch (default %s)
                  --test-fraction    images held out as the test split, scored once at the end and used for no
                                     choice (default %s)
                  --validation-fraction
                                     images that choose the epoch (and early stopping), carved out before
                                     training (default %s); a search cross-validates training + validation
                  --patience         early stopping: stop after N epochs in a row without a better validation
                                     score (default 0: train to --epochs or --time-budget)
                  --channels         the image channels the model takes, 1-based in its order, e.g. 2,1 (each
                                     normalised on its own; recorded in the model, which prediction then
                                     reads alike); default: one grey plane (RGB averaged, else channel 1)
                  --zoom             the range of the random zoom of training crops (default %s,%s): objects
                                     from MIN to MAX times their size in the images
                  --blur             blur half the crops with a Gaussian of sigma up to SIGMA pixels
                                     (default 0: none)
                """.formatted(p.trials(), p.folds(), p.epochsPerTrial(), f.test(), f.validation(), d.epochs(),
                d.stepsPerEpoch(), d.batchSize(), d.crop(), Double.toString(d.learningRate()), f.test(),
                f.validation(), zoomText(d.augmentation().minZoom()), zoomText(d.augmentation().maxZoom()))
                + SlurmTraining.USAGE;
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws Exception {
        Arguments args = Arguments.parse(arguments, Set.of("resume"));
        SlurmTraining cluster = SlurmTraining.fromOptions(args);
        TrainingRun.Request request = request(args, new SearchPrinter(context.out()), cluster);
        context.err().printf("training %s (%s) on %s; run folder %s%n", request.type().id(),
                request.hyperparameters(), request.settings().session().describe(), request.runDir());
        ProgressBar bar = ProgressBar.on(context.err());
        TrainingRun.Result result = new TrainingRun().run(request, bar, epoch -> printEpoch(context, epoch),
                context.err()::println);
        if (result.queued()) {
            return trainFinalAsJob(context, cluster, request);
        }
        printResult(context, result.model(), result.bestEpoch(), result.test() == null ? null
                : new RunRecord.Test(result.test().images(), result.test().f1(), result.test().dice()));
        if (!result.outcome().cancelled()
                && Trainer.stoppedEarly(result.outcome().history(), request.settings().patience())) {
            context.out().printf(Locale.ROOT, "stopped early: %d epochs without a better validation score%n",
                    request.settings().patience());
        }
        if (result.outcome().cancelled()) {
            context.out().println(result.model() == null ? "cancelled during the search; continue with --resume"
                    : "cancelled; continue with --resume");
        }
        return result.problems().isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }

    /** The search has ended here; the final training runs as a SLURM job of its own, and its outcome is read back. */
    private static int trainFinalAsJob(CommandContext context, SlurmTraining cluster, TrainingRun.Request request)
            throws IOException, InterruptedException {
        RunFolder run = RunFolder.at(request.runDir());
        SlurmTraining.Submitted job = cluster.trainFinal(run, request.data(), context.err()::println);
        RunRecord record = run.record().orElse(null);
        if (job.exit() != 0 || record == null || record.status() != RunRecord.Status.COMPLETED) {
            context.err().printf("fluffy train: the final training job %s ended with exit %d and the run is %s%s; "
                    + "see %s; submit %s again, or run this command again with --resume, to go on%n", job.jobId(),
                    job.exit(), record == null ? "unrecorded" : record.status().label(),
                    record == null || record.message().isEmpty() ? "" : " (" + record.message() + ")", job.log(),
                    job.script());
            return ExitCodes.FAILED;
        }
        context.out().printf(Locale.ROOT, "final training: SLURM job %s (log %s)%n", job.jobId(), job.log());
        EpochResult best = run.epochs().stream().filter(EpochResult::best).reduce((a, b) -> b).orElse(null);
        printResult(context, run.hasModel() ? run.model() : null, best, record.test());
        return ExitCodes.OK;
    }

    private static void printResult(CommandContext context, Path model, EpochResult best, RunRecord.Test test) {
        if (model != null) {
            context.out().printf(Locale.ROOT, "model: %s%n", model);
        }
        if (best != null) {
            context.out().printf(Locale.ROOT, "best epoch %d (chosen on validation): validation object F1@0.5 %.4f, "
                    + "validation Dice %.4f%n", best.epoch(), best.valF1(), best.valDice());
        }
        if (test != null) {
            context.out().printf(Locale.ROOT, "test (%d images, scored once, used for no choice): object F1@0.5 %.4f, "
                    + "Dice %.4f%n", test.images(), test.f1(), test.dice());
        }
    }

    /**
     * The request {@code fluffy train} makes of its options; every option left out takes its value from
     * {@link TrainingSettings#defaults} and {@link HyperparameterSearch.Plan#defaults}, as the Train dialog does.
     */
    public static TrainingRun.Request request(Arguments args, HyperparameterSearch.Listener searchListener)
            throws UsageException, DeviceUnavailableException, IOException {
        return request(args, searchListener, SlurmTraining.fromOptions(args));
    }

    /** The same, with the cluster the search and final training go to (null: here). */
    private static TrainingRun.Request request(Arguments args, HyperparameterSearch.Listener searchListener,
            SlurmTraining cluster) throws UsageException, DeviceUnavailableException, IOException {
        Path dataDir = Path.of(args.require("dir_in"));
        Path runDir = Path.of(args.require("dir_out")).resolve(args.require("name"));
        boolean binary = bool(args, "binary", false);
        boolean useDefaults = bool(args, "use_defaults", true);
        // --binary is the original's option; otherwise the default type the registry declares.
        String typeId = args.value("model-type")
                .orElseGet(() -> binary ? "unet.binary" : ModelTypes.defaultEntry().id());
        String hyper = args.value("hyperparameters").orElse("");
        TrainingSettings d = TrainingSettings.defaults(null);
        HyperparameterSearch.Plan p = HyperparameterSearch.Plan.defaults();
        boolean given = args.value("epochs").isPresent();
        int epochs = Options.positive(args, "epochs", d.epochs());
        Duration budget = Options.duration(args.value("time-budget").orElse(null));
        int steps = Options.positive(args, "steps-per-epoch", d.stepsPerEpoch());
        int batch = Options.positive(args, "batch", d.batchSize());
        int crop = Options.positive(args, "crop", d.crop());
        double lr = Options.real(args, "learning-rate", d.learningRate());
        String optimizer = args.value("optimizer").orElse(d.optimizer());
        long seed = Options.positive(args, "seed", (int) d.seed());
        int threads = Options.positive(args, "threads", Runtime.getRuntime().availableProcessors());
        DeviceRequest deviceRequest = DeviceOption.parse(args.value("device").orElse(null));
        int trials = Options.positive(args, "trials", p.trials());
        int folds = Options.positive(args, "folds", p.folds());
        int searchEpochs = Options.positive(args, "search-epochs", p.epochsPerTrial());
        int parallel = Options.positive(args, "parallel-trials", p.parallel());
        int patience = Options.nonNegative(args, "patience", d.patience());
        ChannelSelection channels;
        try {
            channels = ChannelSelection.parse(args.value("channels").orElse("default"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--channels: " + e.getMessage());
        }
        Split.Fractions fractions;
        try {
            fractions = new Split.Fractions(Options.real(args, "test-fraction", Split.Fractions.DEFAULT.test()),
                    Options.real(args, "validation-fraction", Split.Fractions.DEFAULT.validation()));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Augmentation augmentation = augmentation(args, d.augmentation());
        boolean resume = args.flag("resume");
        Path initFrom = args.value("init-from").map(Path::of).orElse(null);
        args.finish();
        args.noPositional();
        if (cluster != null && useDefaults && !resume) {
            throw new UsageException("--executor slurm runs a search's trials and its final training as jobs (with "
                    + "--use_defaults false); to train with the defaults on a node, submit fluffy train itself with sbatch");
        }
        if (!useDefaults && folds < 2) {
            throw new UsageException("--folds must be at least 2 for the search");
        }
        SessionSettings session = new SessionSettings(Devices.choose(deviceRequest), threads);
        if (resume && Files.isRegularFile(RunFolder.at(runDir).recordFile())) {
            // The run's own record says what it was started with (and where a cancelled search stood).
            TrainingRun.Request saved = RunFolder.at(runDir).resumeRequest(session, given ? epochs : 0);
            return saved.search() == null ? saved : new TrainingRun.Request(saved.data(), saved.runDir(), saved.type(),
                    saved.hyperparameters(), saved.settings(), saved.split(), true, saved.initFrom(),
                    searchPlan(saved.search().plan(), searchListener, cluster));
        }
        ModelType type = ModelTypes.require(typeId);
        HyperparameterValues values;
        try {
            values = HyperparameterValues.decode(type.hyperparameters(), hyper);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        TrainingSettings settings = d.withOptimizer(optimizer).withLearningRate(lr).withBatchSize(batch).withCrop(crop)
                .withEpochs(epochs).withStepsPerEpoch(steps).withTimeBudget(budget).withSeed(seed)
                .withPatience(patience).withChannels(channels).withAugmentation(augmentation).withSession(session);
        TrainingRun.SearchPlan search = useDefaults ? null
                : searchPlan(new HyperparameterSearch.Plan(trials, folds, searchEpochs, parallel), searchListener,
                        cluster);
        return new TrainingRun.Request(dataDir, runDir, type, values, settings, fractions, resume, initFrom, search);
    }

    /** On a cluster the rounds are array jobs and the final training one more job; here, both run in this process. */
    private static TrainingRun.SearchPlan searchPlan(HyperparameterSearch.Plan plan,
            HyperparameterSearch.Listener listener, SlurmTraining cluster) {
        return cluster == null ? new TrainingRun.SearchPlan(plan, listener)
                : new TrainingRun.SearchPlan(plan, listener, cluster.trials()).queueingFinalTraining();
    }

    private static void printEpoch(CommandContext context, EpochResult e) {
        context.out().printf(Locale.ROOT,
                "epoch %3d  train_loss %.4f  val_loss %.4f  val_dice %.4f  val_f1@0.5 %.4f  lr %.2e  %.1fs%s%n",
                e.epoch(), e.trainLoss(), e.valLoss(), e.valDice(), e.valF1(), e.learningRate(), e.seconds(),
                e.best() ? "  best" : "");
    }

    private static String zoomText(double zoom) {
        return String.format(Locale.ROOT, "%.2f", zoom);
    }

    /** The default augmentation with --zoom MIN,MAX and --blur SIGMA where given. */
    private static Augmentation augmentation(Arguments args, Augmentation fallback) throws UsageException {
        Augmentation a = fallback;
        String zoom = args.value("zoom").orElse(null);
        if (zoom != null) {
            String[] parts = zoom.split(",");
            try {
                // a NumberFormatException (not a number) is an IllegalArgumentException, as withZoom's refusal
                if (parts.length != 2) {
                    throw new IllegalArgumentException("two numbers expected");
                }
                a = a.withZoom(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--zoom takes MIN,MAX with 0 < MIN <= MAX, e.g. 0.5,2; got '" + zoom + "'");
            }
        }
        String blur = args.value("blur").orElse(null);
        if (blur != null) {
            try {
                a = a.withBlur(Double.parseDouble(blur.trim()));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--blur takes a sigma from 0 to 10 pixels, got '" + blur + "'");
            }
        }
        return a;
    }

    private static boolean bool(Arguments args, String name, boolean fallback) throws UsageException {
        String v = args.value(name).orElse(null);
        if (v == null) {
            return fallback;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new UsageException("--" + name + " takes true or false, got '" + v + "'");
        };
    }
}

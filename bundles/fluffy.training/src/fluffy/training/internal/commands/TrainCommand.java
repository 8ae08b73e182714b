package fluffy.training.internal.commands;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
import fluffy.runtime.DeviceChoice;
import fluffy.runtime.DeviceRequest;
import fluffy.runtime.Devices;
import fluffy.runtime.session.SessionSettings;
import fluffy.training.EpochResult;
import fluffy.training.TrainingRun;
import fluffy.training.TrainingSettings;
import fluffy.training.data.Augmentation;

/** {@code fluffy train}: the original's train_model.py options, plus Fluffy's own. */
public final class TrainCommand implements Command {

    @Override
    public String usage() {
        return """
                Usage: fluffy train --dir_in DIR --dir_out DIR --name NAME [--binary true|false]
                                    [--use_defaults true|false] [--model-type ID] [--hyperparameters "k=v k=v"]
                                    [--epochs N] [--time-budget 20m] [--steps-per-epoch N] [--batch N] [--crop N]
                                    [--learning-rate X] [--optimizer adam|adamw|rmsprop|sgd] [--seed N]
                                    [--device auto|cpu|cuda[:N]] [--threads N] [--resume] [--init-from MODEL]
                                    [--trials 12] [--folds 5] [--search-epochs 10]

                  --dir_in           a Processed/ folder (images/ + masks/ of the same names) or a workspace
                  --dir_out, --name  the run folder is DIR_OUT/NAME: split lists, model.onnx, checkpoint, logs
                  --binary           true: binary U-Net (unet.binary); false (default): categorical (unet.categorical)
                  --model-type       any installed model type (see fluffy models); overrides --binary
                  --hyperparameters  the model type's hyperparameters, e.g. "depth=3 width=16"
                  --epochs           at most this many epochs (default 250, as the original)
                  --time-budget      stop after the epoch that exhausts it: seconds (1200) or 20m, 2h
                  --use_defaults     false: Bayesian search first (--trials points x --folds folds x
                                     --search-epochs epochs; with --time-budget the search gets half)
                  --resume           continue the run in DIR_OUT/NAME from its last checkpoint
                  --init-from        fine-tune from an existing model file
                """;
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws Exception {
        Arguments args = Arguments.parse(arguments, Set.of("resume"));
        Path dataDir = Path.of(args.require("dir_in"));
        Path runDir = Path.of(args.require("dir_out")).resolve(args.require("name"));
        boolean binary = bool(args, "binary", false);
        boolean useDefaults = bool(args, "use_defaults", true);
        String typeId = args.value("model-type").orElse(binary ? "unet.binary" : "unet.categorical");
        String hyper = args.value("hyperparameters").orElse("");
        int epochs = Options.positive(args, "epochs", 250);
        Duration budget = Options.duration(args.value("time-budget").orElse(null));
        int steps = Options.positive(args, "steps-per-epoch", 50);
        int batch = Options.positive(args, "batch", 8);
        int crop = Options.positive(args, "crop", 256);
        double lr = Options.real(args, "learning-rate", 1e-3);
        String optimizer = args.value("optimizer").orElse("adam");
        long seed = Options.positive(args, "seed", 1);
        int threads = Options.positive(args, "threads", Runtime.getRuntime().availableProcessors());
        DeviceRequest deviceRequest = Options.device(args.value("device").orElse(null));
        int trials = Options.positive(args, "trials", 12);
        int folds = Options.positive(args, "folds", 5);
        int searchEpochs = Options.positive(args, "search-epochs", 10);
        boolean resume = args.flag("resume");
        Path initFrom = args.value("init-from").map(Path::of).orElse(null);
        args.finish();
        args.noPositional();
        if (!useDefaults && folds < 2) {
            throw new UsageException("--folds must be at least 2 for the search");
        }
        ModelType type = ModelTypes.require(typeId);
        HyperparameterValues values;
        try {
            values = HyperparameterValues.decode(type.hyperparameters(), hyper);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        DeviceChoice device = Devices.choose(deviceRequest);
        TrainingSettings settings = new TrainingSettings(optimizer, lr, batch, crop, epochs, steps, budget, seed,
                Augmentation.DEFAULT, new SessionSettings(device, threads));
        context.err().printf("training %s (%s) on %s; run folder %s%n", type.id(), values, settings.session().describe(),
                runDir);
        ProgressBar bar = ProgressBar.on(context.err());
        TrainingRun.SearchPlan search = useDefaults ? null
                : new TrainingRun.SearchPlan(trials, folds, searchEpochs, new SearchPrinter(context.out()));
        TrainingRun.Result result = new TrainingRun().run(new TrainingRun.Request(dataDir, runDir, type, values, settings,
                0.2, resume, initFrom, search), bar, epoch -> printEpoch(context, epoch), context.err()::println);
        EpochResult best = result.bestEpoch();
        context.out().printf(Locale.ROOT, "model: %s%n", result.model());
        if (best != null) {
            context.out().printf(Locale.ROOT, "best epoch %d: test object F1@0.5 %.4f, test Dice %.4f%n", best.epoch(),
                    best.valF1(), best.valDice());
        }
        if (result.outcome().cancelled()) {
            context.out().println("cancelled; continue with --resume");
        }
        return result.problems().isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }

    private static void printEpoch(CommandContext context, EpochResult e) {
        context.out().printf(Locale.ROOT,
                "epoch %3d  train_loss %.4f  val_loss %.4f  val_dice %.4f  val_f1@0.5 %.4f  lr %.2e  %.1fs%s%n",
                e.epoch(), e.trainLoss(), e.valLoss(), e.valDice(), e.valF1(), e.learningRate(), e.seconds(),
                e.best() ? "  best" : "");
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

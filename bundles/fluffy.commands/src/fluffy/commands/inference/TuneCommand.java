package fluffy.commands.inference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import fluffy.commands.DeviceOption;
import fluffy.core.image.ImageFiles;
import fluffy.headless.Arguments;
import fluffy.headless.Command;
import fluffy.headless.CommandContext;
import fluffy.headless.ExitCodes;
import fluffy.headless.Options;
import fluffy.headless.ProgressBar;
import fluffy.headless.UsageException;
import fluffy.inference.InstanceTuning;
import fluffy.inference.PostProcessing;
import fluffy.inference.FluffyModel;
import fluffy.inference.Predictor;
import fluffy.inference.TileSettings;
import fluffy.models.ModelTypes;
import fluffy.runtime.Devices;
import fluffy.runtime.session.SessionSettings;

/** {@code fluffy tune}: chooses a categorical model's instance settings on annotated images. */
public final class TuneCommand implements Command {

    private static final int SHOWN = 10;

    @Override
    public String usage() {
        return """
                Usage: fluffy tune --model M --images DIR --masks DIR --output FILE [--list FILE]
                                   [--device auto|cpu|cuda[:N]] [--threads N]

                  --model   a categorical model file (RUN_FOLDER/model.onnx)
                  --images  images with true label maps of the same stems in --masks
                  --list    only the images named in this file, one per line (e.g. RUN_FOLDER/split/validation.txt:
                            choose settings on the run's validation images, which it was not trained on and
                            is not tested on)
                  --output  the model with the best settings; must not exist (the model itself is kept)

                Each image is predicted once; then every combination of seed threshold (0.6-0.9), neck
                fraction (0-0.5), minimum seed area (4-15) and foreground threshold (0.3, 0.5) turns the
                probabilities into objects, scored by object F1 at IoU 0.5 over all images. No weight changes.
                """;
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws Exception {
        Arguments args = Arguments.parse(arguments, Set.of());
        Path modelFile = Path.of(args.require("model"));
        Path imageDir = Path.of(args.require("images"));
        Path masks = Path.of(args.require("masks"));
        Path output = Path.of(args.require("output"));
        Path list = args.value("list").map(Path::of).orElse(null);
        var device = DeviceOption.parse(args.value("device").orElse(null));
        int threads = Options.positive(args, "threads", Runtime.getRuntime().availableProcessors());
        args.finish();
        args.noPositional();
        if (Files.exists(output)) {
            throw new UsageException(output + " exists; tune writes a new model file and overwrites none");
        }
        List<Path> images = ImageFiles.list(imageDir);
        if (list != null) {
            Set<String> names = new HashSet<>(Files.readAllLines(list).stream().map(String::strip)
                    .filter(s -> !s.isEmpty()).toList());
            images = images.stream().filter(p -> names.contains(p.getFileName().toString())).toList();
        }
        if (images.isEmpty()) {
            throw new IOException(imageDir + ": no image files" + (list != null ? " named in " + list : ""));
        }
        FluffyModel model = FluffyModel.read(modelFile, ModelTypes::require);
        SessionSettings session = new SessionSettings(Devices.choose(device), threads);
        List<InstanceTuning.Trial> trials;
        List<fluffy.core.morphology.BorderInstances.Settings> grid = InstanceTuning.defaultGrid();
        context.err().printf("tuning %s on %d image(s), %d candidate settings, on %s%n", modelFile, images.size(),
                grid.size(), session.describe());
        ProgressBar bar = ProgressBar.on(context.err());
        int[] problems = {0};
        try (Predictor predictor = new Predictor(model, session, TileSettings.defaultFor(session.device().device()))) {
            trials = InstanceTuning.run(predictor, images, masks, grid, PostProcessing.DEFAULT, bar, p -> {
                bar.clear();
                problems[0]++;
                context.err().println(p);
            });
        }
        bar.clear();
        var current = PostProcessing.instanceSettings(model);
        context.out().println("seed  neck  min_seed  foreground     TP    FP    FN  F1@0.5");
        for (int k = 0; k < Math.min(SHOWN, trials.size()); k++) {
            print(context, trials.get(k), "");
        }
        trials.stream().filter(t -> t.settings().equals(current)).findFirst()
                .ifPresent(t -> print(context, t, "  (the model's own)"));
        InstanceTuning.Trial best = trials.get(0);
        InstanceTuning.withSettings(model, best).write(output);
        context.out().printf(Locale.ROOT, "%s: %s with the best settings (F1@0.5 %.4f on %d image(s)); the "
                + "median diameter of its objects there, %.1f px, is recorded as the model's object size%n", output,
                model.type().id(), best.f1(), images.size() - problems[0], best.diameter());
        return problems[0] == 0 ? ExitCodes.OK : ExitCodes.PARTIAL;
    }

    private static void print(CommandContext context, InstanceTuning.Trial t, String note) {
        var s = t.settings();
        context.out().printf(Locale.ROOT, "%.2f  %.2f  %8d  %10.2f  %5d %5d %5d  %.4f%s%n", s.seedThreshold(),
                s.neckFraction(), s.minSeedArea(), s.foregroundThreshold(), t.truePositives(), t.falsePositives(),
                t.falseNegatives(), t.f1(), note);
    }
}

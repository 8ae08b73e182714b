package fluffy.commands.inference;

import java.nio.file.Path;
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
import fluffy.inference.BatchPrediction;
import fluffy.inference.DefaultModel;
import fluffy.inference.InputType;
import fluffy.inference.PostProcessing;
import fluffy.inference.PredictionModel;
import fluffy.inference.PredictionsFolder;
import fluffy.inference.Predictor;
import fluffy.inference.TileSettings;
import fluffy.inference.demo.DemoWorkspace;
import fluffy.inference.evaluation.EvaluationReport;
import fluffy.inference.evaluation.FolderEvaluation;
import fluffy.models.ModelTypes;
import fluffy.runtime.Devices;
import fluffy.runtime.session.SessionSettings;

/**
 * {@code fluffy demo}: the whole use of a trained model in one command, on data made on the spot. A
 * synthetic workspace is created, its images are predicted with the default model (or {@code --model})
 * exactly as {@code fluffy predict --instances} would, and the predictions are scored against the
 * generator's true label maps as {@code fluffy evaluate} would.
 */
public final class DemoCommand implements Command {

    @Override
    public String usage() {
        return """
                Usage: fluffy demo [--dir DIR] [--images N] [--size S] [--seed S] [--model M] [--cells]
                                   [--device auto|cpu|cuda[:N]] [--threads N]

                  --dir     the new workspace (default fluffy-demo; an existing folder is never reused:
                            fluffy-demo-2, -3 ... are taken instead)
                  --images  how many synthetic nuclei images to make (default 8)
                  --size    their side in pixels (default 512)
                  --seed    the generator's seed (default 1); the same seed makes the same images
                  --model   a model file instead of the installed default model
                  --cells   two-channel images of cells instead (channel 1 cytoplasm, channel 2 nuclei;
                            the label maps are the cells); no model of cells is installed, so without
                            --model the workspace is written and the commands that train one are printed

                Writes DIR/Raw, DIR/Processed/images and DIR/Processed/masks (the true label maps),
                predicts into DIR/Predictions (label maps, masks, overlays, ROI sets, measurements) and
                scores them there (evaluation.csv, evaluation.json).
                """;
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws Exception {
        Arguments args = Arguments.parse(arguments, Set.of("cells"));
        boolean cells = args.flag("cells");
        Path dir = args.value("dir").map(Path::of).orElse(null);
        int images = Options.positive(args, "images", 8);
        int size = Options.positive(args, "size", 512);
        long seed = Long.parseLong(args.value("seed").orElse("1"));
        String modelOption = args.value("model").orElse(null);
        var device = DeviceOption.parse(args.value("device").orElse(null));
        int threads = Options.positive(args, "threads", Runtime.getRuntime().availableProcessors());
        args.finish();
        args.noPositional();
        if (size < 64) {
            throw new fluffy.headless.UsageException("--size must be at least 64");
        }

        if (cells && modelOption == null) {
            Path root = dir != null ? dir : DemoWorkspace.freeFolder(Path.of("fluffy-cells").toAbsolutePath());
            context.err().printf("making %d synthetic two-channel %d x %d cell images in %s%n", images, size, size,
                    root);
            DemoWorkspace.createCells(root, images, size, seed);
            context.out().printf("workspace: %s (channel 1 cytoplasm, channel 2 nuclei; Processed/masks: the cells)%n"
                    + "train a model of both channels, then predict with it:%n"
                    + "  fluffy train --dir_in %s --dir_out %s --name cells --channels 1,2 --time-budget 5m%n"
                    + "  fluffy predict --model %s --input %s --output %s --instances%n", root, root,
                    root.resolve("runs"), root.resolve("runs/cells/model.onnx"), root.resolve("Raw"),
                    root.resolve("Predictions/cells"));
            return ExitCodes.OK;
        }
        Path modelFile = DefaultModel.orDefault(modelOption);
        PredictionModel model = PredictionModel.read(modelFile, ModelTypes::require);
        Path root = dir != null ? dir : DemoWorkspace.freeFolder(Path.of(cells ? "fluffy-cells" : "fluffy-demo")
                .toAbsolutePath());

        context.err().printf("making %d synthetic %d x %d %s images in %s%n", images, size, size,
                cells ? "two-channel cell" : "nuclei", root);
        DemoWorkspace.Made made = cells ? DemoWorkspace.createCells(root, images, size, seed)
                : DemoWorkspace.create(root, images, size, seed);

        // Where the workbench puts a model's predictions, so the demo's results show in its navigator.
        Path predictions = made.workspace().predictions(PredictionsFolder.nameFor(modelFile));
        List<Path> inputs = ImageFiles.list(made.workspace().processedImages());
        SessionSettings session = new SessionSettings(Devices.choose(device), threads);
        context.err().printf("predicting with %s (%s) on %s%n", modelFile, model.describe(), session.describe());
        ProgressBar bar = ProgressBar.on(context.err());
        List<BatchPrediction.FileResult> results;
        try (Predictor predictor = new Predictor(model, session, TileSettings.defaultFor(session.device().device()))) {
            results = BatchPrediction.run(predictor, new BatchPrediction.Request(inputs, predictions, InputType.FRAME,
                    -1, PostProcessing.DEFAULT, false), bar, r -> {
                        bar.clear();
                        (r.failed() ? context.err() : context.out()).println(r.line());
                    });
        }
        if (results.stream().anyMatch(BatchPrediction.FileResult::failed)) {
            context.err().println("some demo images could not be predicted; see the lines above");
            return ExitCodes.FAILED;
        }

        FolderEvaluation.Result scores = FolderEvaluation.run(PredictionsFolder.inWorkspace(made.workspace(),
                predictions), bar, p -> {
                    bar.clear();
                    context.err().println(p);
                });
        EvaluateCommand.print(context.out(), scores.aggregate(), scores.images().size());
        List<Path> written = EvaluationReport.write(predictions, scores.images(), scores.aggregate());
        context.out().printf(Locale.ROOT, "workspace: %s%noverlays:  %s%nscores:    %s%n", root,
                predictions.resolve("*_overlay.png"), written.get(0));
        return scores.problems().isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }
}

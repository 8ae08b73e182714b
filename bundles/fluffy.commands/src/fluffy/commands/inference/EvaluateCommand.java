package fluffy.commands.inference;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import fluffy.headless.Arguments;
import fluffy.headless.Command;
import fluffy.headless.CommandContext;
import fluffy.headless.ExitCodes;
import fluffy.headless.ProgressBar;
import fluffy.inference.evaluation.EvaluationReport;
import fluffy.inference.evaluation.FolderEvaluation;
import fluffy.inference.evaluation.ImageScores;

/** {@code fluffy evaluate}: object and pixel scores of predicted label maps against true ones. */
public final class EvaluateCommand implements Command {

    @Override
    public String usage() {
        return """
                Usage: fluffy evaluate --pred DIR --truth DIR [--output DIR]

                  --pred    label maps <stem>.tif as fluffy predict writes them
                  --truth   true label maps of the same stems (any image format), e.g. Processed/masks
                  --output  where evaluation.csv and evaluation.json go (default: the --pred folder)

                Objects are matched by IoU, each at most once; per IoU threshold 0.50..0.95: precision,
                recall, F1 and AP = TP/(TP+FP+FN); mean AP over the thresholds; at 0.5 the mean IoU of
                matched objects and panoptic quality; pixel IoU and Dice of the foreground. Aggregates sum
                the counts of all images.
                """;
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws Exception {
        Arguments args = Arguments.parse(arguments, Set.of());
        Path pred = Path.of(args.require("pred"));
        Path truth = Path.of(args.require("truth"));
        Path output = args.value("output").map(Path::of).orElse(pred);
        args.finish();
        args.noPositional();
        ProgressBar bar = ProgressBar.on(context.err());
        FolderEvaluation.Result result = FolderEvaluation.run(pred, truth, bar, p -> {
            bar.clear();
            context.err().println(p);
        });
        if (result.images().isEmpty()) {
            context.err().println("no predicted label map in " + pred + " has a true label map in " + truth);
            return ExitCodes.FAILED;
        }
        for (ImageScores s : result.images()) {
            context.out().printf(Locale.ROOT, "%s: %d true, %d predicted, F1@0.5 %.4f, mean AP %.4f%n", s.name(),
                    s.truthObjects(), s.predictedObjects(), s.at(0.5).f1(), s.meanAp());
        }
        print(context.out(), result.aggregate(), result.images().size());
        List<Path> files = EvaluationReport.write(output, result.images(), result.aggregate());
        context.out().println("written: " + files.get(0) + ", " + files.get(1));
        if (result.truthsWithoutPrediction() > 0) {
            context.err().println(result.truthsWithoutPrediction() + " true label map(s) in " + truth
                    + " have no prediction and were not scored");
        }
        return result.problems().isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }

    static void print(PrintStream out, ImageScores all, int images) {
        out.printf(Locale.ROOT, "all %d images: %d true objects, %d predicted%n", images, all.truthObjects(),
                all.predictedObjects());
        out.println("  IoU    TP    FP    FN  precision  recall      F1      AP");
        for (ImageScores.Counts c : all.thresholds()) {
            out.printf(Locale.ROOT, "  %.2f %5d %5d %5d     %.4f  %.4f  %.4f  %.4f%n", c.threshold(), c.tp(), c.fp(),
                    c.fn(), c.precision(), c.recall(), c.f1(), c.ap());
        }
        out.printf(Locale.ROOT, "  mean AP %.4f, mean matched IoU %.4f, panoptic quality %.4f, pixel IoU %.4f, "
                + "Dice %.4f%n", all.meanAp(), all.meanMatchedIou(), all.panopticQuality(), all.pixelIou(), all.dice());
    }
}

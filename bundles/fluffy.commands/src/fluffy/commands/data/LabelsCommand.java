package fluffy.commands.data;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;

import fluffy.core.workspace.Workspace;
import fluffy.headless.Arguments;
import fluffy.headless.Command;
import fluffy.headless.CommandContext;
import fluffy.headless.ExitCodes;
import fluffy.headless.ProgressBar;
import fluffy.headless.UsageException;
import fluffy.io.ImageFormats;
import fluffy.io.prepare.FileReport;
import fluffy.io.prepare.Labelling;

/** {@code fluffy labels DIR [--masks]}: annotations become label maps and training pairs. */
public final class LabelsCommand implements Command {

    @Override
    public String usage() {
        return """
                Usage: fluffy labels DIR [--masks]

                For every item in DIR/Labeling, turns its RoiSet.zip (Fiji's ROI Manager export) or,
                without one, the mask or label-map files in its masks/ folder into a uint16 label map
                DIR/Processed/masks/<name>.tif, and copies its image to DIR/Processed/images/<name>.tif.
                Area ROIs become objects numbered in the order of the zip; lines and points are skipped
                with a warning, as are exact duplicates and ROIs outside the image. Where objects
                overlap, the smaller one keeps the pixels; overlapping pixels are counted.

                  --masks   also write masks/mask_<k>.png, one per object, as Fiji's macro did
                            (only into an empty masks/ folder)

                Prints one line per item and a progress bar; items that fail are named and the others
                are still labelled (exit code 3; 1 when every item failed).
                """;
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws Exception {
        Arguments args = Arguments.parse(arguments, Set.of("masks"));
        boolean masks = args.flag("masks");
        Workspace workspace = WorkspaceArgument.open(args);
        if (!Files.isDirectory(workspace.labeling())) {
            throw new UsageException(workspace.root() + " has no Labeling/ folder; run 'fluffy prepare "
                    + workspace.root() + "' first");
        }
        ProgressBar bar = ProgressBar.on(context.err());
        BatchPrinter printer = new BatchPrinter(context, bar, "labelled");
        List<FileReport> reports = new Labelling(workspace, masks, ImageFormats.platform()).run(printer, bar);
        bar.done();
        if (reports.isEmpty()) {
            context.out().println("Labeling/ holds no items; run 'fluffy prepare " + workspace.root() + "' first");
            return ExitCodes.OK;
        }
        return printer.finish(reports);
    }
}

package fluffy.commands.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
import fluffy.io.prepare.Preparation;
import fluffy.io.prepare.PrepareOptions;
import fluffy.io.prepare.Projection;

/** {@code fluffy prepare DIR [options]}: every image in Raw/ becomes 2D images to annotate. */
public final class PrepareCommand implements Command {

    /**
     * The system property through which the Bio-Formats bridge (an optional bundle this one does not
     * depend on) learns the jar given with {@code --bioformats}.
     */
    static final String BIOFORMATS_JAR_PROPERTY = "fluffy.bioformats.jar";

    @Override
    public String usage() {
        return """
                Usage: fluffy prepare DIR [--all-slices | [--frame N] [--zstack [--projection max|mean|sum]]]
                                          [--channel C] [--series S] [--bioformats JAR]

                Converts every image directly in DIR/Raw into a 2D TIFF to annotate,
                DIR/Labeling/<name>/images/<name>.tif, with an empty masks/ folder beside it (<name>
                is the file name up to the first dot). 2D images pass through unchanged. Items that
                are already annotated or labelled are never overwritten; they are reported as kept.
                Indices count from 0.

                  --all-slices   every z slice and time frame becomes its own item <name>_<i>,
                                 i = t * Z + z
                  --frame N      the time frame to take from a time series (default: the middle one)
                  --zstack       project z-stacks into one plane (without it a z-stack is refused)
                  --projection   max (default), mean or sum; mean and sum are stored as float32
                  --channel C    keep only channel C (RGB: 0 red, 1 green, 2 blue); default: all
                  --series S     the series or scene of multi-series files (default 0)
                  --bioformats JAR   a bioformats_package.jar for formats Fluffy cannot read itself
                                 (default: $FLUFFY_BIOFORMATS_JAR)

                Prints one line per file and a progress bar; files that fail are named and the
                others are still prepared (exit code 3; 1 when every file failed).
                """;
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws Exception {
        Arguments args = Arguments.parse(arguments, Set.of("all-slices", "zstack"));
        PrepareOptions options = options(args);
        Optional<String> jar = args.value("bioformats");
        Workspace workspace = WorkspaceArgument.open(args);
        if (jar.isPresent()) {
            Path path = Path.of(jar.get()).toAbsolutePath();
            if (!Files.isRegularFile(path)) {
                throw new UsageException("--bioformats " + jar.get() + ": no such file");
            }
            System.setProperty(BIOFORMATS_JAR_PROPERTY, path.toString());
        }
        if (!Files.isDirectory(workspace.raw())) {
            throw new UsageException(workspace.root() + " has no Raw/ folder; run 'fluffy init " + workspace.root() + "'");
        }
        // Which Bio-Formats (if any) reads what Fluffy's own readers cannot: said before the first file.
        ImageFormats.platform().setups().forEach(line -> context.err().println("image reader " + line));
        ProgressBar bar = ProgressBar.on(context.err());
        BatchPrinter printer = new BatchPrinter(context, bar, "prepared");
        List<FileReport> reports = new Preparation(workspace, options, ImageFormats.platform()).run(printer, bar);
        bar.done();
        if (reports.isEmpty()) {
            context.out().println("Raw/ holds no files; copy images into " + workspace.raw());
            return ExitCodes.OK;
        }
        return printer.finish(reports);
    }

    static PrepareOptions options(Arguments args) throws UsageException {
        try {
            PrepareOptions options = PrepareOptions.defaults();
            Optional<String> projection = args.value("projection");
            if (args.flag("all-slices")) {
                options = options.withAllSlices();
            }
            if (args.flag("zstack") || projection.isPresent()) {
                options = options.withProjection(projection.map(Projection::parse).orElse(Projection.MAX));
            }
            Optional<String> frame = args.value("frame");
            if (frame.isPresent()) {
                options = options.withFrame(index("frame", frame.get()));
            }
            Optional<String> channel = args.value("channel");
            if (channel.isPresent()) {
                options = options.withChannel(index("channel", channel.get()));
            }
            Optional<String> series = args.value("series");
            if (series.isPresent()) {
                options = options.withSeries(index("series", series.get()));
            }
            return options;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static int index(String option, String value) throws UsageException {
        try {
            int i = Integer.parseInt(value.strip());
            if (i < 0) {
                throw new UsageException("--" + option + " " + value + ": indices count from 0");
            }
            return i;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + option + " " + value + ": not a number");
        }
    }
}

package fluffy.commands.inference;

import java.io.IOException;
import java.nio.file.Files;
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
import fluffy.headless.UsageException;
import fluffy.core.image.ChannelSelection;
import fluffy.inference.BatchPrediction;
import fluffy.inference.DefaultModel;
import fluffy.inference.InputType;
import fluffy.inference.ObjectScale;
import fluffy.inference.PostProcessing;
import fluffy.inference.PredictionModel;
import fluffy.inference.Predictor;
import fluffy.inference.Shard;
import fluffy.inference.StageTimes;
import fluffy.inference.TileSettings;
import fluffy.inference.output.OutputFormat;
import fluffy.models.ModelTypes;
import fluffy.runtime.Devices;
import fluffy.runtime.session.SessionSettings;

/** {@code fluffy predict}: segments image files with a model into label maps and their companions. */
public final class PredictCommand implements Command {

    @Override
    public String usage() {
        return """
                Usage: fluffy predict [--model M] --input FILE|DIR --output DIR [--instances]
                                      [--type frame|zstack|timeseries|all] [--channel C | --channels C1,C2] [--tile N]
                                      [--overlap N] [--batch N] [--min-size N] [--no-fill-holes]
                                      [--probabilities] [--flips] [--diameter auto|none|PIXELS]
                                      [--formats tif,png,roiset,csv,geojson,ome-tiff] [--shard I/N] [--overwrite]
                                      [--device auto|cpu|cuda[:N]] [--threads N] [--verbose]

                  --model          a model file (RUN_FOLDER/model.onnx) or a bioimage.io model package with
                                   ONNX weights (PACKAGE.zip, or the rdf.yaml of an unpacked one; formats 0.4
                                   and 0.5); default: the installed default model
                  --input          an image file, or a folder whose image files are all predicted
                  --output         where <stem>.tif (label map) and the other --formats go
                  --formats        what to write per image, comma-separated (default tif,png,roiset,csv):
                                   tif the label map (always), png <stem>_mask.png + <stem>_overlay.png,
                                   roiset <stem>_RoiSet.zip (Fiji), csv <stem>_objects.csv (measurements),
                                   geojson <stem>.geojson (QuPath: a polygon feature per object),
                                   ome-tiff <stem>_labels.ome.tif (the label map with the input's pixel size)
                  --instances      separate touching objects with the model type's own step (the categorical
                                   U-Net: seeds cut at necks, grown by watershed); without it objects are
                                   connected foreground regions
                  --type           frame (default): the first plane; zstack: max projection over z;
                                   timeseries: every time point; all: every plane, label map as hyperstack
                  --channel        the channel to predict, from 1 (default: what the model was trained on;
                                   for a one-channel model RGB averaged, else the first)
                  --channels       for a model of several channels: the image's channels in the model's
                                   order, e.g. 2,1 (default: those the model records)
                  --tile           tile side in pixels; 0 predicts each image in one pass (default: images
                                   up to 2 x 512² pixels in one pass, larger ones in tiles of 512)
                  --overlap        context around each tile that is predicted but not kept (default 64)
                  --batch          tiles per network run (default 1 on the CPU, 4 on a GPU)
                  --min-size       objects smaller than this many pixels are removed (default 16; 0 keeps all)
                  --no-fill-holes  keep holes inside objects
                  --probabilities  also write <stem>_probabilities.tif (float32, a channel per class)
                  --flips          average the network over the four mirror images of each tile
                                   (test-time augmentation: four times the network time)
                  --diameter       the objects' typical diameter in pixels: the image is rescaled so they get
                                   the size of the model's training objects, predicted, and the result scaled
                                   back; auto (default): measured by a first pass, which is kept when the
                                   sizes agree within 1.4x; none: as it is
                  --shard          predict only share I of N (0 <= I < N) of the sorted inputs: every N-th
                                   from the I-th (default: a SLURM array task's own share, else all)
                  --overwrite      predict images whose outputs are complete again (default: skip them, so
                                   a repeated or requeued run goes on where it stopped)
                  --threads        CPU threads (default: SLURM_CPUS_PER_TASK in a SLURM job, else all cores)
                  --verbose        at the end, where the time went: read, rescale, normalise, tiles,
                                   network, instances, outputs

                Images of one plane larger than 4096 x 4096 are predicted by bands of rows in bounded memory
                (a single-page TIFF is read from disk band by band), unless --probabilities or a model of
                several channels asks for the whole image.
                """;
    }

    /** What {@code fluffy predict}'s options say, checked: how {@code fluffy slurm predict} checks them too. */
    public record Parsed(String modelOption, Path input, Path output, InputType type, ChannelSelection channels, int tile,
            int overlap, Integer batch, PostProcessing post, boolean probabilities, boolean flips, ObjectScale scale,
            fluffy.runtime.DeviceRequest device, int threads, boolean overwrite, Shard shard,
            Set<OutputFormat> formats, boolean verbose, long wholeUpTo) {
    }

    public static Parsed parse(List<String> arguments) throws UsageException {
        Arguments args = Arguments.parse(arguments, Set.of("instances", "no-fill-holes", "probabilities", "flips",
                "overwrite", "verbose"));
        String modelOption = args.value("model").orElse(null);
        Path input = Path.of(args.require("input"));
        Path output = Path.of(args.require("output"));
        InputType type = inputType(args.value("type").orElse("frame"));
        int channel = Options.positive(args, "channel", 0) - 1;
        ChannelSelection channels;
        try {
            channels = args.value("channels").map(ChannelSelection::parse)
                    .orElse(channel < 0 ? ChannelSelection.DEFAULT : ChannelSelection.of(channel));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--channels: " + e.getMessage());
        }
        if (channel >= 0 && args.value("channels").isPresent()) {
            throw new UsageException("give --channel or --channels, not both");
        }
        int tile = Options.nonNegative(args, "tile", TileSettings.DEFAULT.tile());
        // Without --tile, small images go through the network whole (same result, no overlaps predicted).
        long wholeUpTo = args.value("tile").isPresent() ? 0 : TileSettings.WHOLE_UP_TO;
        int overlap = Options.nonNegative(args, "overlap", TileSettings.DEFAULT.overlap());
        Integer batch = args.value("batch").isPresent() ? Options.positive(args, "batch", 1) : null;
        PostProcessing post = new PostProcessing(args.flag("instances"), Options.nonNegative(args, "min-size", 16),
                !args.flag("no-fill-holes"));
        boolean probabilities = args.flag("probabilities");
        boolean flips = args.flag("flips");
        ObjectScale scale = objectScale(args.value("diameter").orElse("auto"));
        var device = DeviceOption.parse(args.value("device").orElse(null));
        int threads = Options.positive(args, "threads", defaultThreads(System.getenv()));
        boolean overwrite = args.flag("overwrite");
        boolean verbose = args.flag("verbose");
        Shard shard = shard(args.value("shard").orElse(null));
        Set<OutputFormat> formats;
        try {
            formats = args.value("formats").map(OutputFormat::parse).orElse(OutputFormat.DEFAULT);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--formats: " + e.getMessage());
        }
        args.finish();
        args.noPositional();
        return new Parsed(modelOption, input, output, type, channels, tile, overlap, batch, post, probabilities, flips,
                scale, device, threads, overwrite, shard, formats, verbose, wholeUpTo);
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws Exception {
        Parsed o = parse(arguments);
        String modelOption = o.modelOption();
        Path input = o.input();
        Path output = o.output();
        InputType type = o.type();
        ChannelSelection channels = o.channels();
        int tile = o.tile();
        int overlap = o.overlap();
        Integer batch = o.batch();
        PostProcessing post = o.post();
        boolean probabilities = o.probabilities();
        boolean flips = o.flips();
        ObjectScale scale = o.scale();
        var device = o.device();
        int threads = o.threads();
        boolean overwrite = o.overwrite();
        Shard shard = o.shard();

        Path modelFile = DefaultModel.orDefault(modelOption);
        List<Path> all = inputs(input);
        List<Path> inputs = shard.of(all);
        if (!shard.equals(Shard.ALL)) {
            context.err().printf("shard %s: %d of %d image(s)%n", shard, inputs.size(), all.size());
        }
        BatchPrediction.Request request = new BatchPrediction.Request(inputs, output, type, channels, post,
                probabilities, scale, overwrite, o.formats());
        List<String> overwrites = BatchPrediction.overwrites(request);
        if (!overwrites.isEmpty()) {
            // Refused before anything is read or written: the user's images are never replaced by results.
            throw new UsageException("--output " + output + " would overwrite inputs: " + String.join("; ",
                    overwrites.subList(0, Math.min(3, overwrites.size()))) + (overwrites.size() > 3 ? "; ..." : "")
                    + ". Choose another output folder");
        }
        PredictionModel model = PredictionModel.read(modelFile, ModelTypes::require);
        SessionSettings session = new SessionSettings(Devices.choose(device), threads);
        int deviceBatch = TileSettings.defaultFor(session.device().device()).batch();
        TileSettings tiles = new TileSettings(tile, overlap, batch != null ? batch : deviceBatch, o.wholeUpTo());
        context.err().printf("predicting %d image(s) with %s (%s) on %s%n", inputs.size(), modelFile,
                model.describe(), session.describe());
        if (Double.isNaN(model.objectDiameter()) && !scale.equals(ObjectScale.NATIVE)) {
            context.err().println("the model does not record its training objects' size (no bioimage.io package "
                    + "does, nor a Fluffy model from before it was recorded): images are predicted at their own scale");
        }
        ProgressBar bar = ProgressBar.on(context.err());
        long start = System.nanoTime();
        List<BatchPrediction.FileResult> results;
        StageTimes times;
        try (Predictor predictor = new Predictor(model, session, tiles, flips)) {
            times = predictor.times();
            results = BatchPrediction.run(predictor, request, bar, r -> {
                        bar.clear();
                        (r.failed() ? context.err() : context.out()).println(r.line());
                    });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long pixels = results.stream().mapToLong(BatchPrediction.FileResult::pixels).sum();
        long failed = results.stream().filter(BatchPrediction.FileResult::failed).count();
        long skipped = results.stream().filter(BatchPrediction.FileResult::skipped).count();
        context.out().printf(Locale.ROOT, "%d of %d image(s) predicted into %s: %.2f megapixels in %.1f s, "
                + "%.3f megapixels/s%s%n", results.size() - failed - skipped, results.size(), output, pixels / 1e6,
                seconds, pixels / 1e6 / seconds, skipped == 0 ? "" : "; " + skipped + " skipped, their outputs "
                        + "were there (--overwrite predicts them again)");
        if (o.verbose()) {
            context.out().println("time per stage: " + times.describe(pixels));
        }
        if (results.size() < inputs.size()) {
            return ExitCodes.FAILED; // the output's disk is full: its line above says so, once
        }
        if (failed > 0) {
            context.err().printf("%d image(s) failed; see the lines above%n", failed);
            return ExitCodes.PARTIAL;
        }
        return ExitCodes.OK;
    }

    /** A SLURM job's CPUs per task, else every core. */
    public static int defaultThreads(java.util.Map<String, String> env) {
        try {
            int cpus = Integer.parseInt(env.getOrDefault("SLURM_CPUS_PER_TASK", "").trim());
            if (cpus > 0) {
                return cpus;
            }
        } catch (NumberFormatException e) {
            // not in a SLURM job, or one that does not say
        }
        return Runtime.getRuntime().availableProcessors();
    }

    private static Shard shard(String option) throws UsageException {
        try {
            return option != null ? Shard.parse(option) : Shard.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static ObjectScale objectScale(String text) throws UsageException {
        try {
            return ObjectScale.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static InputType inputType(String text) throws UsageException {
        try {
            return InputType.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The file itself, or the image files of a folder. */
    public static List<Path> inputs(Path input) throws IOException {
        if (Files.isDirectory(input)) {
            List<Path> files = ImageFiles.list(input);
            if (files.isEmpty()) {
                throw new IOException(input + ": no image files in this folder");
            }
            return files;
        }
        if (!Files.isRegularFile(input)) {
            throw new IOException(input + ": no such file or folder");
        }
        return List.of(input);
    }
}

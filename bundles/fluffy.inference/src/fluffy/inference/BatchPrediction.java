package fluffy.inference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

import fluffy.core.image.ChannelSelection;
import fluffy.core.image.Plane;
import fluffy.inference.output.ImageOutputs;
import fluffy.inference.output.OutputFormat;
import fluffy.io.ImageFormats;
import fluffy.io.ImageSource;
import fluffy.io.RowReader;
import fluffy.io.TiffRowReader;
import fluffy.inference.output.BandedOutputs;
import fluffy.runtime.session.SessionException;

/**
 * Predicts a list of image files into an output folder, one after the other with one session. Each
 * image's outputs appear together when it is done ({@link ImageOutputs}); an image that cannot be read
 * or predicted is reported with its name and the batch goes on. Progress: one share per image, within it
 * one per frame, within that the tiles.
 */
public final class BatchPrediction {

    /**
     * @param channels      the image channels to feed, in the model's order; {@link ChannelSelection#DEFAULT}:
     *                      those the model was trained on (a one-channel model: RGB averaged, else the first)
     * @param probabilities whether to write the probability maps too
     */
    public record Request(List<Path> inputs, Path outputDir, InputType type, ChannelSelection channels,
            PostProcessing post, boolean probabilities, ObjectScale scale, boolean overwrite,
            Set<OutputFormat> formats) {

        public Request {
            inputs = List.copyOf(inputs);
            formats = Set.copyOf(formats);
        }

        /** @param channel 0-based channel to predict, or -1 for the model's own */
        public Request(List<Path> inputs, Path outputDir, InputType type, int channel, PostProcessing post,
                boolean probabilities, ObjectScale scale, boolean overwrite, Set<OutputFormat> formats) {
            this(inputs, outputDir, type, channel < 0 ? ChannelSelection.DEFAULT : ChannelSelection.of(channel), post,
                    probabilities, scale, overwrite, formats);
        }

        /** The {@link OutputFormat#DEFAULT default} outputs. */
        public Request(List<Path> inputs, Path outputDir, InputType type, int channel, PostProcessing post,
                boolean probabilities, ObjectScale scale, boolean overwrite) {
            this(inputs, outputDir, type, channel, post, probabilities, scale, overwrite, OutputFormat.DEFAULT);
        }

        /**
         * At the scale the first pass measures ({@link ObjectScale#AUTO}), replacing earlier outputs (what the
         * workbench does when the user predicts again).
         */
        public Request(List<Path> inputs, Path outputDir, InputType type, int channel, PostProcessing post,
                boolean probabilities) {
            this(inputs, outputDir, type, channel, post, probabilities, ObjectScale.AUTO, true);
        }
    }

    /**
     * What happened to one input. {@code pixels} counts predicted pixels over all frames; a skipped input (its
     * outputs were complete and the request does not overwrite) was not predicted.
     */
    public record FileResult(Path input, boolean failed, boolean skipped, String detail, int objects, long pixels,
            double seconds, List<Path> written) {

        static FileResult failed(Path input, String detail, double seconds) {
            return new FileResult(input, true, false, detail, 0, 0, seconds, List.of());
        }

        public String line() {
            String name = input.getFileName().toString();
            return skipped ? name + ": skipped, its outputs are there (--overwrite predicts it again)"
                    : failed ? name + ": FAILED: " + detail
                    : String.format(java.util.Locale.ROOT, "%s: %d objects (%s, %.1f s)", name, objects, detail, seconds);
        }
    }

    private BatchPrediction() {
    }

    /**
     * The inputs an output of this request would replace, one sentence each (empty when none): an input in
     * the output folder named like an output of some input's stem ({@code <stem>.tif}, {@code <stem>_*.png},
     * ...). Every caller refuses such a request before any work.
     */
    public static List<String> overwrites(Request request) throws IOException {
        Path out = real(request.outputDir());
        Set<String> stems = new HashSet<>();
        request.inputs().forEach(p -> stems.add(stem(p)));
        List<String> found = new ArrayList<>();
        for (Path input : request.inputs()) {
            Path parent = input.toAbsolutePath().getParent();
            if (parent == null || !real(parent).equals(out)) {
                continue;
            }
            String name = input.getFileName().toString();
            for (String s : stems) {
                if (ImageOutputs.mayWrite(s, name)) {
                    found.add(input + " would be overwritten by the outputs of '" + s + "' (" + name + ")");
                    break;
                }
            }
        }
        return found;
    }

    private static Path real(Path p) throws IOException {
        Path absolute = p.toAbsolutePath().normalize();
        return Files.exists(absolute) ? absolute.toRealPath() : absolute;
    }

    /**
     * Predicts every input in turn; the list has one result per input tried. When the output's file system is
     * full the batch stops at that image (its result says so), since every further one would fail alike.
     *
     * @throws IllegalArgumentException before any work when an output would replace an input
     *                                  ({@link #overwrites}); nothing is written then
     */
    public static List<FileResult> run(Predictor predictor, Request request, IProgressMonitor monitor,
            Consumer<FileResult> each) {
        List<String> overwrites;
        try {
            overwrites = overwrites(request);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (!overwrites.isEmpty()) {
            throw new IllegalArgumentException("refusing to predict into " + request.outputDir() + ": "
                    + overwrites.get(0) + (overwrites.size() > 1 ? " (and " + (overwrites.size() - 1) + " more)" : "")
                    + "; choose another output folder");
        }
        channels(predictor.model(), request); // a wrong number of channels is refused before any work
        SubMonitor progress = SubMonitor.convert(monitor, "Predicting " + request.inputs().size() + " images",
                request.inputs().size());
        List<FileResult> results = new ArrayList<>();
        // What a killed earlier run of these images left half-written goes; other tasks' images are not ours.
        try {
            ImageOutputs.removeTemporaries(request.outputDir(), request.inputs().stream().map(BatchPrediction::stem)
                    .toList());
        } catch (IOException e) {
            // An output folder that cannot be listed cannot be written either: the first image will say why.
        }
        Set<String> stems = new HashSet<>();
        for (Path input : request.inputs()) {
            progress.checkCanceled();
            progress.subTask(input.getFileName().toString());
            long start = System.nanoTime();
            FileResult result;
            String stem = stem(input);
            if (!stems.add(stem)) {
                result = FileResult.failed(input, "another input has the same name stem '" + stem
                        + "', whose outputs would be overwritten", 0);
                progress.worked(1);
            } else if (!request.overwrite() && ImageOutputs.complete(request.outputDir(), stem,
                    request.probabilities(), request.formats())) {
                // A repeated or requeued task goes on where the last one stopped.
                result = new FileResult(input, false, true, "outputs exist", 0, 0, 0, List.of());
                progress.worked(1);
            } else {
                try {
                    result = predict(predictor, request, input, stem, progress.split(1), start);
                } catch (OperationCanceledException e) {
                    throw e;
                } catch (OutOfMemoryError e) {
                    // This image's arrays are garbage once the error has left predict(): smaller images go on.
                    result = FileResult.failed(input, "not enough memory for this image (" + e.getMessage()
                            + "; the Java heap may grow to " + (Runtime.getRuntime().maxMemory() >> 20) + " MB): "
                            + "give it more with FLUFFY_JAVA_OPTS=-Xmx<size>", seconds(start));
                } catch (IOException | SessionException | RuntimeException e) {
                    result = FileResult.failed(input, message(e), seconds(start));
                    String fault = fluffy.core.files.OutputFaults.describe(e, request.outputDir());
                    if (fault != null) {
                        // Every further image would fail the same way: one message, and the batch stops here.
                        result = FileResult.failed(input, fault + "; the batch stopped here ("
                                + (request.inputs().size() - results.size() - 1) + " image(s) not tried); run it "
                                + "again once that is fixed: complete images are skipped", seconds(start));
                        results.add(result);
                        each.accept(result);
                        return results;
                    }
                }
            }
            results.add(result);
            each.accept(result);
        }
        return results;
    }

    private static FileResult predict(Predictor predictor, Request request, Path input, String stem,
            IProgressMonitor monitor, long start) throws IOException, SessionException {
        SubMonitor progress = SubMonitor.convert(monitor, 10);
        boolean bands = bandable(predictor.model(), request);
        if (bands) {
            FileResult result = tiffByBands(predictor, request, input, stem, progress, start);
            if (result != null) {
                return result;
            }
        }
        return whole(predictor, request, input, stem, bands, progress.split(9), start);
    }

    /**
     * Whether a large single plane of this request may be predicted by bands ({@link BandedPrediction}), in
     * memory that depends on its width only: not when the request needs what only the whole-image path does
     * (probabilities, a model of several channels or another's channel, a stack).
     */
    private static boolean bandable(PredictionModel model, Request request) {
        if (!(model instanceof FluffyModel) || model.inputChannels() != 1 || request.probabilities()) {
            return false;
        }
        ChannelSelection channels = channels(model, request);
        return channels.isDefault() || channels.equals(ChannelSelection.of(0));
    }

    /**
     * A large single-page grey TIFF, read band by band from the file as it is predicted; null when the input is
     * not one (the whole-image readers take it).
     */
    private static FileResult tiffByBands(Predictor predictor, Request request, Path input, String stem,
            SubMonitor progress, long start) throws IOException, SessionException {
        long read = System.nanoTime();
        java.util.Optional<TiffRowReader> opened;
        try {
            opened = TiffRowReader.open(input);
        } catch (IOException e) {
            return null; // not a TIFF, or a damaged one: the whole-image readers say what is wrong
        }
        if (opened.isEmpty()) {
            return null;
        }
        try (TiffRowReader image = opened.get()) {
            predictor.times().add(StageTimes.Stage.READ, read);
            if (image.morePages() || !BandedPrediction.suits(image.width(), image.height())) {
                return null;
            }
            return byBands(predictor, request, image, image.pixelSize(), input, stem, progress, start);
        }
    }

    /** Predicts {@code image} by bands, at the scale its objects call for ({@link BandedPrediction#factor}). */
    private static FileResult byBands(Predictor predictor, Request request, RowReader image,
            fluffy.io.PixelSize pixelSize, Path input, String stem, SubMonitor progress, long start)
            throws IOException, SessionException {
        double factor = BandedPrediction.factor(predictor, request.post(), request.scale(), image, progress.split(1));
        int sw = fluffy.core.image.Resampling.scaled(image.width(), factor);
        int sh = fluffy.core.image.Resampling.scaled(image.height(), factor);
        boolean rescaled = sw != image.width() || sh != image.height();
        try (BandedOutputs out = new BandedOutputs(request.outputDir(), stem, image.width(), image.height(),
                request.formats(), pixelSize)) {
            BandedPrediction.Result result = rescaled
                    ? BandedPrediction.predict(predictor, request.post(), new ScaledRows(image, sw, sh),
                            new RescaledSink(out, image, sw, sh), progress.split(9))
                    : BandedPrediction.predict(predictor, request.post(), image, out, progress.split(9));
            long write = System.nanoTime();
            List<Path> written = out.commit(image, result.display());
            predictor.times().add(StageTimes.Stage.OUTPUTS, write);
            String detail = image.width() + " x " + image.height() + ", by bands in " + result.blocks() + " blocks"
                    + (rescaled ? String.format(java.util.Locale.ROOT, ", predicted at %.2fx", sw / (double) image.width())
                            : "");
            return new FileResult(input, false, false, detail, out.objects(), (long) image.width() * image.height(),
                    seconds(start), written);
        }
    }

    /** @param bands whether a large single plane may go by bands once read */
    private static FileResult whole(Predictor predictor, Request request, Path input, String stem, boolean bands,
            IProgressMonitor monitor, long start) throws IOException, SessionException {
        StageTimes times = predictor.times();
        long read = System.nanoTime();
        ImageSource source = ImageFormats.platform().open(input);
        try {
            Frames frames = new Frames(source, request.type(), channels(predictor.model(), request));
            List<Frames.Frame> list = frames.list();
            times.add(StageTimes.Stage.READ, read);
            SubMonitor progress = SubMonitor.convert(monitor, list.size());
            List<String> scales = new ArrayList<>();
            int w = frames.info().sizeX();
            int h = frames.info().sizeY();
            if (bands && list.size() == 1 && BandedPrediction.suits(w, h)) {
                // A large plane of another format than TIFF: read whole, then predicted by bands.
                read = System.nanoTime();
                Plane plane = frames.read(list.get(0)).get(0);
                fluffy.io.PixelSize size = source.pixelSize(0);
                source.close();
                times.add(StageTimes.Stage.READ, read);
                return byBands(predictor, request, RowReader.of(plane), size, input, stem,
                        SubMonitor.convert(progress.split(1), 10), start);
            }
            try (ImageOutputs out = new ImageOutputs(request.outputDir(), stem, w, h, frames.sizeZ(), frames.sizeT(),
                    request.formats())) {
                out.pixelSize(source.pixelSize(0));
                if (request.probabilities() && !predictor.model().classes().isEmpty()) {
                    out.keepProbabilities(predictor.model().classes().size());
                }
                for (int k = 0; k < list.size(); k++) {
                    Frames.Frame frame = list.get(k);
                    SubMonitor step = progress.split(1).setWorkRemaining(10);
                    read = System.nanoTime();
                    List<Plane> planes = frames.read(frame);
                    times.add(StageTimes.Stage.READ, read);
                    Plane plane = planes.get(0); // what overlays and measurements show: the first channel
                    if (k == list.size() - 1) {
                        // A reader may hold the whole file in memory (ImageJ does); free it before the network runs.
                        source.close();
                    }
                    // Without probabilities asked for, the largest array of a frame is let go before the outputs.
                    ScaledPrediction.Result result = ScaledPrediction.predict(predictor, request.post(),
                            request.scale(), planes, request.probabilities(), step.split(8));
                    if (!result.describe().isEmpty()) {
                        scales.add(result.describe());
                    }
                    long write = System.nanoTime();
                    out.add(frame.z(), frame.t(), plane, result.labels(), result.maps(),
                            predictor.model().displayScaling(plane.data()));
                    times.add(StageTimes.Stage.OUTPUTS, write);
                    step.worked(2);
                }
                long write = System.nanoTime();
                List<Path> written = out.commit();
                times.add(StageTimes.Stage.OUTPUTS, write);
                String detail = w + " x " + h + (list.size() > 1 ? ", " + list.size() + " frames" : "")
                        + (scales.isEmpty() ? "" : ", " + (list.size() > 1 ? "first frame " : "") + scales.get(0));
                return new FileResult(input, false, false, detail, out.objects(), (long) w * h * list.size(), seconds(start),
                        written);
            }
        } finally {
            source.close();
        }
    }

    /**
     * The channels fed to the model: the request's, else the model's own.
     *
     * @throws IllegalArgumentException when the request gives another number of channels than the model takes
     */
    public static ChannelSelection channels(PredictionModel model, Request request) {
        ChannelSelection channels = request.channels().isDefault() ? model.channels() : request.channels();
        if (channels.count() != model.inputChannels()) {
            throw new IllegalArgumentException("the model takes " + model.inputChannels() + " channel(s) ("
                    + model.channels().encode() + "), " + channels.count() + " given (" + channels.encode() + ")");
        }
        return channels;
    }

    /** The file name without its extension (and without {@code .ome} before it). */
    public static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return stem.toLowerCase(java.util.Locale.ROOT).endsWith(".ome") ? stem.substring(0, stem.length() - 4) : stem;
    }

    private static String message(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}

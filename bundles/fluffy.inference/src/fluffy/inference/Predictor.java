package fluffy.inference;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import fluffy.core.image.Normalization;
import fluffy.core.image.Plane;
import fluffy.core.labels.LabelMap;
import fluffy.inference.internal.Tiling;
import fluffy.runtime.session.InferenceSession;
import fluffy.runtime.session.Prediction;
import fluffy.runtime.session.SessionException;
import fluffy.runtime.session.SessionSettings;

/**
 * Runs a model over images of any size in bounded memory: the image is prepared as the model says (a Fluffy
 * model: normalised as in training by its percentiles, computed on the whole image), cut into overlapping
 * tiles of the sizes the network takes that are predicted in batches,
 * and the centre of each tile is written into the class maps. Network memory depends on the tile size
 * only. With test-time flips each tile is also predicted mirrored left-right, top-bottom and both, and the
 * four predictions, mirrored back, are averaged: four times the network time for steadier probabilities
 * where the network hesitates (the seeds of touching nuclei). One session serves every image; not
 * thread-safe.
 */
public final class Predictor implements AutoCloseable {

    private final PredictionModel model;
    private final TileSettings tiles;
    private final boolean flips;
    private final InferenceSession session;
    private final String outputName;

    private final StageTimes times = new StageTimes();

    public Predictor(PredictionModel model, SessionSettings settings, TileSettings tiles) throws SessionException {
        this(model, settings, tiles, false);
    }

    /** @param flips whether to average each tile's prediction over its four mirror images */
    public Predictor(PredictionModel model, SessionSettings settings, TileSettings tiles, boolean flips)
            throws SessionException {
        this.model = model;
        this.tiles = tiles;
        this.flips = flips;
        this.session = new InferenceSession(model.onnx(), settings);
        this.outputName = model.outputName() != null ? model.outputName() : session.outputNames().get(0);
        if (!session.outputNames().contains(outputName)) {
            session.close();
            throw new IllegalArgumentException(model.file() + ": the network has no output '" + outputName
                    + "'; it has " + session.outputNames());
        }
    }

    /** Where this predictor's time went, over every image it served. */
    public StageTimes times() {
        return times;
    }

    public PredictionModel model() {
        return model;
    }

    /**
     * The class probabilities of one grey plane (raw intensities), for a Fluffy model. Cancelling through the
     * monitor throws {@code OperationCanceledException} between batches.
     */
    public ClassMaps predict(Plane image, IProgressMonitor monitor) throws SessionException {
        return predict(List.of(image), monitor);
    }

    /** The class probabilities of an image given as one plane per input channel, for a Fluffy model. */
    public ClassMaps predict(List<Plane> image, IProgressMonitor monitor) throws SessionException {
        if (!(model instanceof FluffyModel)) {
            throw new IllegalStateException(model.file() + ": its outputs become objects only through segment()");
        }
        return (ClassMaps) run(image, prepared(image), monitor);
    }

    /** The objects of one grey plane (raw intensities), and its class maps when {@code keepMaps}. */
    public PredictionModel.Segmented segment(Plane image, PostProcessing post, boolean keepMaps,
            IProgressMonitor monitor) throws SessionException {
        return segment(List.of(image), post, keepMaps, monitor);
    }

    /** The objects of an image given as one plane per input channel (raw intensities, the model's order). */
    public PredictionModel.Segmented segment(List<Plane> image, PostProcessing post, boolean keepMaps,
            IProgressMonitor monitor) throws SessionException {
        PredictionModel.Input input = prepared(image);
        PredictionModel.Outputs outputs = run(image, input, monitor);
        long start = System.nanoTime();
        PredictionModel.Segmented segmented = model.segment(outputs, input, post, keepMaps);
        times.add(StageTimes.Stage.INSTANCES, start);
        return segmented;
    }

    /**
     * The objects of one band of a Fluffy model's image, normalised by the whole image's {@code scaling}
     * (one per channel) instead of the band's own percentiles: {@link BandedPrediction}.
     */
    public LabelMap segmentBand(List<Plane> band, List<Normalization.Scaling> scaling, PostProcessing post,
            IProgressMonitor monitor) throws SessionException {
        if (!(model instanceof FluffyModel fluffy)) {
            throw new IllegalStateException(model.file() + ": only Fluffy models are predicted by bands");
        }
        long start = System.nanoTime();
        PredictionModel.Input input = fluffy.prepare(checked(band), scaling);
        times.add(StageTimes.Stage.NORMALISE, start);
        PredictionModel.Outputs outputs = run(band, input, monitor);
        start = System.nanoTime();
        LabelMap labels = model.segment(outputs, input, post, false).labels();
        times.add(StageTimes.Stage.INSTANCES, start);
        return labels;
    }

    /** The image checked and prepared for the network (normalisation), timed. */
    private PredictionModel.Input prepared(List<Plane> image) {
        long start = System.nanoTime();
        PredictionModel.Input input = model.prepare(checked(image));
        times.add(StageTimes.Stage.NORMALISE, start);
        return input;
    }

    private List<Plane> checked(List<Plane> image) {
        if (image.size() != model.inputChannels()) {
            throw new IllegalArgumentException(model.file().getFileName() + " takes " + model.inputChannels()
                    + " channel(s), " + image.size() + " given");
        }
        for (Plane p : image) {
            if (p.width() != image.get(0).width() || p.height() != image.get(0).height()) {
                throw new IllegalArgumentException("the channels of an image differ in size");
            }
        }
        return image;
    }

    private PredictionModel.Outputs run(List<Plane> image, PredictionModel.Input prepared, IProgressMonitor monitor)
            throws SessionException {
        int w = image.get(0).width();
        int h = image.get(0).height();
        int ch = model.inputChannels();
        Tiling tiling = Tiling.of(w, h, tiles, model.tiles());
        List<Tiling.Tile> all = tiling.tiles();
        SubMonitor progress = SubMonitor.convert(monitor, all.size() + 1);
        progress.worked(1);
        PredictionModel.Outputs maps = model.outputs(w, h);
        int classes = model.outputChannels();
        int tw = tiling.tileWidth();
        int th = tiling.tileHeight();
        int batch = tiles.batch();
        int variants = flips ? Mirror.values().length : 1;
        int plane = tw * th;
        int entry = ch * plane;
        float[] input = new float[batch * variants * entry];
        times.networkPixels((long) w * h);
        for (int first = 0; first < all.size(); first += batch) {
            long start = System.nanoTime();
            progress.checkCanceled();
            int n = Math.min(batch, all.size() - first);
            // Tile b's mirror image v is batch entry v * n + b; each entry holds its channels' planes.
            for (int b = 0; b < n; b++) {
                for (int c = 0; c < ch; c++) {
                    fill(w, h, prepared, c, all.get(first + b), input, b * entry + c * plane, tw, th);
                    for (int v = 1; v < variants; v++) {
                        Mirror.values()[v].apply(input, b * entry + c * plane, input, (v * n + b) * entry + c * plane,
                                tw, th);
                    }
                }
            }
            int entries = n * variants;
            float[] batchInput = entries * entry == input.length ? input : java.util.Arrays.copyOf(input, entries * entry);
            times.add(StageTimes.Stage.TILES, start);
            start = System.nanoTime();
            float[] out = network(batchInput, entries, ch, th, tw, classes);
            times.add(StageTimes.Stage.NETWORK, start);
            start = System.nanoTime();
            float[] values = variants == 1 ? out : averageOfMirrors(out, n, classes, tw, th);
            for (int b = 0; b < n; b++) {
                keep(values, b, all.get(first + b), maps, classes, w, tw, th);
            }
            times.add(StageTimes.Stage.TILES, start);
            progress.worked(n);
        }
        return maps;
    }

    /**
     * The network's [entries, classes, th, tw] output for [entries, ch, th, tw] input, in the model's axis order
     * both ways; a network without a batch axis runs once per entry.
     */
    private float[] network(float[] batchInput, int entries, int ch, int th, int tw, int classes)
            throws SessionException {
        TensorLayout in = model.inputLayout();
        int runs = in.hasBatch() ? 1 : entries;
        int per = entries / runs;
        int plane = th * tw;
        float[] all = runs == 1 ? null : new float[entries * classes * plane];
        float[] result = null;
        for (int r = 0; r < runs; r++) {
            float[] part = runs == 1 ? batchInput
                    : java.util.Arrays.copyOfRange(batchInput, r * per * ch * plane, (r + 1) * per * ch * plane);
            Prediction out = session.run(in.fromBchw(part, per, ch, th, tw), in.shape(per, ch, th, tw), outputName);
            int[] bchw = new int[4];
            float[] values;
            try {
                values = model.outputLayout().toBchw(out.values(), out.shape(), bchw);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(model.file() + ": " + e.getMessage(), e);
            }
            if (bchw[0] != per || bchw[1] != classes || bchw[2] != th || bchw[3] != tw) {
                throw new IllegalStateException(model.file() + ": the network gives " + java.util.Arrays.toString(
                        out.shape()) + " (" + model.outputLayout().axes() + ") for " + per + " image(s) of " + tw + " x "
                        + th + "; its description says " + classes + " channel(s) of the input's size");
            }
            if (runs == 1) {
                result = values;
            } else {
                System.arraycopy(values, 0, all, r * per * classes * plane, per * classes * plane);
            }
        }
        return runs == 1 ? result : all;
    }
    /** The [n, classes, th, tw] mean over the mirror images in [variants * n, classes, th, tw], mirrored back. */
    private static float[] averageOfMirrors(float[] values, int n, int classes, int tw, int th) {
        int plane = tw * th;
        Mirror[] mirrors = Mirror.values();
        float[] mean = new float[n * classes * plane];
        float[] back = new float[plane];
        for (int v = 0; v < mirrors.length; v++) {
            for (int b = 0; b < n; b++) {
                for (int c = 0; c < classes; c++) {
                    mirrors[v].apply(values, ((v * n + b) * classes + c) * plane, back, 0, tw, th);
                    int target = (b * classes + c) * plane;
                    for (int i = 0; i < plane; i++) {
                        mean[target + i] += back[i] / mirrors.length;
                    }
                }
            }
        }
        return mean;
    }

    /** The four mirror images of a plane; each is its own inverse. */
    enum Mirror {
        NONE(false, false), LEFT_RIGHT(true, false), TOP_BOTTOM(false, true), BOTH(true, true);

        private final boolean x;
        private final boolean y;

        Mirror(boolean x, boolean y) {
            this.x = x;
            this.y = y;
        }

        void apply(float[] src, int srcOffset, float[] dst, int dstOffset, int w, int h) {
            for (int row = 0; row < h; row++) {
                int from = srcOffset + (y ? h - 1 - row : row) * w;
                int to = dstOffset + row * w;
                for (int col = 0; col < w; col++) {
                    dst[to + col] = src[from + (x ? w - 1 - col : col)];
                }
            }
        }
    }

    /**
     * The normalised tile; pixels beyond the image (the padding to the size multiple) are zero, as in a
     * whole-image pass and in training's validation.
     */
    private static void fill(int w, int h, PredictionModel.Input image, int channel, Tiling.Tile tile, float[] input,
            int offset, int tw, int th) {
        for (int y = 0; y < th; y++) {
            int sy = tile.y0() + y;
            for (int x = 0; x < tw; x++) {
                int sx = tile.x0() + x;
                boolean inside = sx >= 0 && sx < w && sy >= 0 && sy < h;
                input[offset + y * tw + x] = inside ? image.at(channel, sy * w + sx) : 0;
            }
        }
    }

    /** Copies the kept centre of tile {@code b} of the output [n, classes, th, tw] into the outputs. */
    private static void keep(float[] values, int b, Tiling.Tile tile, PredictionModel.Outputs maps, int classes,
            int w, int tw, int th) {
        for (int c = 0; c < classes; c++) {
            int base = (b * classes + c) * tw * th;
            for (int y = tile.keepY0(); y < tile.keepY1(); y++) {
                int row = base + (y - tile.y0()) * tw - tile.x0();
                for (int x = tile.keepX0(); x < tile.keepX1(); x++) {
                    maps.set(c, y * w + x, values[row + x]);
                }
            }
        }
    }

    @Override
    public void close() throws SessionException {
        session.close();
    }
}

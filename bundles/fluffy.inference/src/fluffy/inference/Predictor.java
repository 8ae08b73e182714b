package fluffy.inference;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import fluffy.core.image.Normalization;
import fluffy.core.image.Plane;
import fluffy.inference.internal.Tiling;
import fluffy.runtime.session.InferenceSession;
import fluffy.runtime.session.Prediction;
import fluffy.runtime.session.SessionException;
import fluffy.runtime.session.SessionSettings;

/**
 * Runs a model over images of any size in bounded memory: the image is normalised as in training (its
 * percentiles, computed on the whole image), cut into overlapping tiles that are predicted in batches,
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
    }

    public PredictionModel model() {
        return model;
    }

    /**
     * The class probabilities of one grey plane (raw intensities). Cancelling through the monitor throws
     * {@code OperationCanceledException} between batches.
     */
    public ClassMaps predict(Plane image, IProgressMonitor monitor) throws SessionException {
        int w = image.width();
        int h = image.height();
        Tiling tiling = Tiling.of(w, h, tiles, model.sizeMultiple());
        List<Tiling.Tile> all = tiling.tiles();
        SubMonitor progress = SubMonitor.convert(monitor, all.size() + 1);
        Normalization.Scaling scaling = model.normalization().scaling(image.data());
        progress.worked(1);
        ClassMaps maps = new ClassMaps(w, h, model.classes());
        int tw = tiling.tileWidth();
        int th = tiling.tileHeight();
        int batch = tiles.batch();
        int variants = flips ? Mirror.values().length : 1;
        int plane = tw * th;
        float[] input = new float[batch * variants * plane];
        for (int first = 0; first < all.size(); first += batch) {
            progress.checkCanceled();
            int n = Math.min(batch, all.size() - first);
            // Tile b's mirror image v is batch entry v * n + b.
            for (int b = 0; b < n; b++) {
                fill(image, scaling, all.get(first + b), input, b * plane, tw, th);
                for (int v = 1; v < variants; v++) {
                    Mirror.values()[v].apply(input, b * plane, input, (v * n + b) * plane, tw, th);
                }
            }
            int entries = n * variants;
            float[] batchInput = entries * plane == input.length ? input : java.util.Arrays.copyOf(input, entries * plane);
            Prediction out = session.predict(batchInput, entries, 1, th, tw);
            int classes = maps.classes().size();
            if (out.shape()[1] != classes) {
                throw new IllegalStateException(model.file() + ": the network gives " + out.shape()[1]
                        + " channels but the metadata names " + classes + " classes");
            }
            float[] values = variants == 1 ? out.values() : averageOfMirrors(out.values(), n, classes, tw, th);
            for (int b = 0; b < n; b++) {
                keep(values, b, all.get(first + b), maps, tw, th);
            }
            progress.worked(n);
        }
        return maps;
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
    private static void fill(Plane image, Normalization.Scaling scaling, Tiling.Tile tile, float[] input, int offset,
            int tw, int th) {
        float[] data = image.data();
        int w = image.width();
        int h = image.height();
        for (int y = 0; y < th; y++) {
            int sy = tile.y0() + y;
            for (int x = 0; x < tw; x++) {
                int sx = tile.x0() + x;
                boolean inside = sx >= 0 && sx < w && sy >= 0 && sy < h;
                input[offset + y * tw + x] = inside ? scaling.apply(data[sy * w + sx]) : 0;
            }
        }
    }

    /** Copies the kept centre of tile {@code b} of the output [n, classes, th, tw] into the maps. */
    private static void keep(float[] values, int b, Tiling.Tile tile, ClassMaps maps, int tw, int th) {
        int classes = maps.classes().size();
        int w = maps.width();
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

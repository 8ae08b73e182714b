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
 * only. One session serves every image; not thread-safe.
 */
public final class Predictor implements AutoCloseable {

    private final PredictionModel model;
    private final TileSettings tiles;
    private final InferenceSession session;

    public Predictor(PredictionModel model, SessionSettings settings, TileSettings tiles) throws SessionException {
        this.model = model;
        this.tiles = tiles;
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
        float[] input = new float[batch * tw * th];
        for (int first = 0; first < all.size(); first += batch) {
            progress.checkCanceled();
            int n = Math.min(batch, all.size() - first);
            for (int b = 0; b < n; b++) {
                fill(image, scaling, all.get(first + b), input, b * tw * th, tw, th);
            }
            float[] batchInput = n == batch ? input : java.util.Arrays.copyOf(input, n * tw * th);
            Prediction out = session.predict(batchInput, n, 1, th, tw);
            if (out.shape()[1] != maps.classes().size()) {
                throw new IllegalStateException(model.file() + ": the network gives " + out.shape()[1]
                        + " channels but the metadata names " + maps.classes().size() + " classes");
            }
            for (int b = 0; b < n; b++) {
                keep(out.values(), b, all.get(first + b), maps, tw, th);
            }
            progress.worked(n);
        }
        return maps;
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

package fluffy.inference;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import fluffy.core.image.Normalization;
import fluffy.core.image.Plane;
import fluffy.core.image.StreamingQuantiles;
import fluffy.core.labels.LabelMap;
import fluffy.io.RowReader;
import fluffy.runtime.session.SessionException;

/**
 * Predicts a grey image too large to hold, a band of rows at a time, in memory that depends on its width and
 * not its height. A first pass over the bands finds the whole image's normalisation percentiles (exact for 16-bit
 * integer samples). Then each band is cut into blocks; a block is predicted and segmented with {@link #HALO}
 * pixels of context on every side, and keeps the objects whose top row and left column lie in its own part:
 * an object up to the halo's size is whole in the block that keeps it, and one object is kept by one block
 * only. Where two kept objects claim a pixel (their blocks saw slightly different context) the first keeps it.
 * Finished rows go to the {@link Sink} in order, with each block's objects as they are kept, so a label map of
 * any height is written without being held.
 */
public final class BandedPrediction {

    /** Single-plane images of more pixels than this are predicted by bands (a 4096 x 4096 image is not). */
    public static final long ABOVE = 4096L * 4096;
    /** Context on each side of a block; objects up to about this size come out whole. */
    public static final int HALO = 128;
    /**
     * Blocks start at multiples of this (the halo is one too). A U-Net's output moves with its input only by
     * multiples of its size multiple (its poolings): a block that starts elsewhere sees its objects slightly
     * differently from a whole-image pass (a synthetic test image: 3% of the objects, by a few pixels).
     */
    static final int ALIGN = 128;
    /** A block's own width: with its halo 3072 pixels, a tenth of its network time is halo. */
    static final int CORE_WIDTH = 3072 - 2 * HALO;
    /**
     * Samples of a band (its rows with both halos, whole width): 64 MiB as floats, as much again for its label
     * rows. An image up to about 8000 pixels wide gets bands of 1792 rows (a seventh of their network time is
     * halo); a wider one bands of at least 512 (up to a third).
     */
    static final long BAND_SAMPLES = 16L << 20;

    /** Where results go, as soon as they are final. */
    public interface Sink {

        /**
         * The objects one block kept, whole: {@code objects} covers the image from ({@code x0}, {@code y0}), its
         * labels 1..n are the image's {@code firstLabel} to {@code firstLabel + n - 1}; {@code image} is the same
         * region of the raw image (for measurements).
         */
        void objects(LabelMap objects, Plane image, int x0, int y0, int firstLabel) throws IOException;

        /** Final rows of the label map, in order from the top: {@code rows x width} labels from {@code labels[0]}. */
        void rows(int[] labels, int rows) throws IOException;
    }

    /** The geometry of the bands and blocks of an image. */
    record Layout(int width, int height, int coreWidth, int coreHeight) {

        Layout {
            if (coreWidth % ALIGN != 0 && coreWidth < width || coreHeight % ALIGN != 0 && coreHeight < height) {
                throw new IllegalArgumentException("blocks of " + coreWidth + " x " + coreHeight + " do not start at "
                        + "multiples of " + ALIGN);
            }
        }

        static Layout of(int width, int height) {
            long rows = Math.max(512, Math.min(CORE_WIDTH, BAND_SAMPLES / width - 2 * HALO)) / ALIGN * ALIGN;
            return new Layout(width, height, Math.min(width, CORE_WIDTH), (int) Math.min(height, rows));
        }

        int bands() {
            return (height + coreHeight - 1) / coreHeight;
        }

        int blocksAcross() {
            return (width + coreWidth - 1) / coreWidth;
        }
    }

    private BandedPrediction() {
    }

    /** The side of the centre crop the object size of a large image is measured on. */
    static final int MEASURED = 2048;

    /**
     * The factor the image is to be predicted at ({@link ScaledPrediction}): 1 without a model diameter or with
     * {@link ObjectScale#NATIVE}, the given diameter's, or the one measured on the image's centre ({@value
     * #MEASURED} pixels square at most) for {@link ObjectScale#AUTO}.
     */
    public static double factor(Predictor predictor, PostProcessing post, ObjectScale scale, RowReader image,
            IProgressMonitor monitor) throws IOException, SessionException {
        double reference = predictor.model().objectDiameter();
        if (Double.isNaN(reference) || scale.equals(ObjectScale.NATIVE)) {
            return 1;
        }
        if (scale.givenDiameter()) {
            return ScaledPrediction.factor(reference / scale.diameter());
        }
        int cw = Math.min(image.width(), MEASURED);
        int ch = Math.min(image.height(), MEASURED);
        long start = System.nanoTime();
        Plane centre = crop(image.rows((image.height() - ch) / 2, ch), (image.width() - cw) / 2, 0, cw, ch);
        predictor.times().add(StageTimes.Stage.READ, start);
        return ScaledPrediction.predict(predictor, post, ObjectScale.AUTO, centre, false, monitor).factor();
    }

    /** Whether an image of this size goes by bands. */
    public static boolean suits(long width, long height) {
        return width * height > ABOVE;
    }

    /**
     * @param objects how many objects were found
     * @param display the whole image's normalisation, which the overlay shows
     * @param blocks  how many blocks the image was predicted in
     */
    public record Result(int objects, Normalization.Scaling display, int blocks) {
    }

    /** Predicts {@code image} into {@code sink}, at the image's own scale. */
    public static Result predict(Predictor predictor, PostProcessing post, RowReader image, Sink sink,
            IProgressMonitor monitor) throws IOException, SessionException {
        return predict(predictor, post, image, Layout.of(image.width(), image.height()), sink, monitor);
    }

    /** The same with given bands and blocks (tests use small ones). */
    static Result predict(Predictor predictor, PostProcessing post, RowReader image, Layout layout, Sink sink,
            IProgressMonitor monitor) throws IOException, SessionException {
        int w = image.width();
        int h = image.height();
        int blocks = layout.bands() * layout.blocksAcross();
        SubMonitor progress = SubMonitor.convert(monitor, blocks * 10 + layout.bands());
        Normalization.Scaling scaling = scaling(predictor, image, layout, progress.split(layout.bands()));
        // Label rows from the band's top to its halo's bottom: kept objects reach into the next band's rows.
        int[] pending = new int[Math.multiplyExact(layout.coreHeight() + HALO, w)];
        int next = 1;
        String name = image.file() != null ? image.file().getFileName() + ": " : "";
        for (int y0 = 0; y0 < h; y0 += layout.coreHeight()) {
            // A large image takes minutes: the bar (a line per step in a log) says which band is under way.
            progress.subTask(name + "band " + (y0 / layout.coreHeight() + 1) + " of " + layout.bands());
            int y1 = Math.min(h, y0 + layout.coreHeight());
            int e0 = Math.max(0, y0 - HALO);
            int e1 = Math.min(h, y1 + HALO);
            long start = System.nanoTime();
            Plane band = image.rows(e0, e1 - e0);
            predictor.times().add(StageTimes.Stage.READ, start);
            for (int x0 = 0; x0 < w; x0 += layout.coreWidth()) {
                int x1 = Math.min(w, x0 + layout.coreWidth());
                next = block(predictor, post, scaling, band, e0, y0, y1, x0, x1, pending, next, sink,
                        progress.split(10));
            }
            start = System.nanoTime();
            sink.rows(pending, y1 - y0);
            predictor.times().add(StageTimes.Stage.OUTPUTS, start);
            System.arraycopy(pending, (y1 - y0) * w, pending, 0, (e1 - y1) * w);
            Arrays.fill(pending, (e1 - y1) * w, pending.length, 0);
        }
        return new Result(next - 1, scaling, blocks);
    }

    /** The whole image's normalisation, from a pass over its bands. */
    private static Normalization.Scaling scaling(Predictor predictor, RowReader image, Layout layout,
            SubMonitor progress) throws IOException {
        FluffyModel model = (FluffyModel) predictor.model();
        int w = image.width();
        StreamingQuantiles quantiles = new StreamingQuantiles((long) w * image.height());
        for (int y0 = 0; y0 < image.height(); y0 += layout.coreHeight()) {
            progress.checkCanceled();
            int rows = Math.min(layout.coreHeight(), image.height() - y0);
            long start = System.nanoTime();
            Plane band = image.rows(y0, rows);
            predictor.times().add(StageTimes.Stage.READ, start);
            start = System.nanoTime();
            quantiles.add(band.data(), 0, band.data().length);
            predictor.times().add(StageTimes.Stage.NORMALISE, start);
            progress.worked(1);
        }
        return model.normalization().scaling(quantiles);
    }

    /**
     * Predicts the block whose own part is columns {@code x0..x1} of rows {@code y0..y1}, writes the objects it
     * keeps into {@code pending} (rows from {@code y0}) where no earlier object is, and hands them to the sink.
     *
     * @return the next free label
     */
    private static int block(Predictor predictor, PostProcessing post, Normalization.Scaling scaling, Plane band,
            int bandTop, int y0, int y1, int x0, int x1, int[] pending, int next, Sink sink, IProgressMonitor monitor)
            throws IOException, SessionException {
        int w = band.width();
        int bx0 = Math.max(0, x0 - HALO);
        int bx1 = Math.min(w, x1 + HALO);
        int bw = bx1 - bx0;
        int bh = band.height();
        Plane block = crop(band, bx0, 0, bw, bh);
        LabelMap found = predictor.segmentBand(List.of(block), List.of(scaling), post, monitor);
        long start = System.nanoTime();
        // Each object's top row and left column, in block coordinates.
        int max = found.maxLabel();
        int[] top = new int[max + 1];
        int[] left = new int[max + 1];
        Arrays.fill(top, Integer.MAX_VALUE);
        Arrays.fill(left, Integer.MAX_VALUE);
        int[] l = found.labels();
        for (int y = 0; y < bh; y++) {
            for (int x = 0; x < bw; x++) {
                int k = l[y * bw + x];
                if (k != 0) {
                    top[k] = Math.min(top[k], y);
                    left[k] = Math.min(left[k], x);
                }
            }
        }
        // Kept objects get the image's labels in the order their first pixel is written (row by row).
        int[] global = new int[max + 1];
        int first = next;
        int rows = Math.min(bandTop + bh, y1 + HALO) - y0;
        int[] local = new int[rows * bw];
        for (int y = y0; y < y0 + rows; y++) {
            int by = y - bandTop;
            for (int x = 0; x < bw; x++) {
                int k = l[by * bw + x];
                if (k == 0 || bandTop + top[k] < y0 || bandTop + top[k] >= y1 || bx0 + left[k] < x0
                        || bx0 + left[k] >= x1) {
                    continue;
                }
                int p = (y - y0) * w + bx0 + x;
                if (pending[p] == 0) {
                    if (global[k] == 0) {
                        global[k] = next++;
                    }
                    pending[p] = global[k];
                    local[(y - y0) * bw + x] = global[k] - first + 1;
                }
            }
        }
        predictor.times().add(StageTimes.Stage.INSTANCES, start);
        if (next > first) {
            start = System.nanoTime();
            sink.objects(new LabelMap(bw, rows, local), crop(block, 0, y0 - bandTop, bw, rows), bx0, y0, first);
            predictor.times().add(StageTimes.Stage.OUTPUTS, start);
        }
        return next;
    }

    private static Plane crop(Plane p, int x0, int y0, int w, int h) {
        if (x0 == 0 && y0 == 0 && w == p.width() && h == p.height()) {
            return p;
        }
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(p.data(), (y0 + y) * p.width() + x0, out, y * w, w);
        }
        return new Plane(w, h, out);
    }
}

package fluffy.inference;

import java.io.IOException;

import fluffy.core.image.Plane;
import fluffy.core.image.Resampling;
import fluffy.core.labels.LabelMap;
import fluffy.io.RowReader;

/**
 * Brings what bands predicted at another scale ({@link ScaledRows}) back to the image's pixels, each pixel
 * taking the label of the nearest predicted one as {@link Resampling#labels} does: label rows as soon as the
 * rows they look at have come, and each block's objects re-drawn over the image's own pixels (measured on
 * them). An object smaller than a pixel of the image can vanish; it vanishes from every output alike.
 */
final class RescaledSink implements BandedPrediction.Sink {

    private final BandedPrediction.Sink target;
    private final RowReader image;
    private final int scaledWidth;
    private final int scaledHeight;
    /** The predicted column each column of the image takes its label from. */
    private final int[] columns;
    private int received;
    private int emitted;

    RescaledSink(BandedPrediction.Sink target, RowReader image, int scaledWidth, int scaledHeight) {
        this.target = target;
        this.image = image;
        this.scaledWidth = scaledWidth;
        this.scaledHeight = scaledHeight;
        this.columns = new int[image.width()];
        for (int x = 0; x < columns.length; x++) {
            columns[x] = Resampling.nearest(x, scaledWidth, image.width());
        }
    }

    private int row(int y) {
        return Resampling.nearest(y, scaledHeight, image.height());
    }

    @Override
    public void rows(int[] labels, int rows) throws IOException {
        int w = image.width();
        int last = emitted;
        while (last < image.height() && row(last) < received + rows) {
            last++;
        }
        int[] out = new int[Math.multiplyExact(last - emitted, w)];
        for (int y = emitted; y < last; y++) {
            int from = (row(y) - received) * scaledWidth;
            int to = (y - emitted) * w;
            for (int x = 0; x < w; x++) {
                out[to + x] = labels[from + columns[x]];
            }
        }
        if (last > emitted) {
            target.rows(out, last - emitted);
        }
        received += rows;
        emitted = last;
    }

    @Override
    public void objects(LabelMap found, Plane scaledImage, int x0, int y0, int firstLabel) throws IOException {
        int ox0 = first(columns, x0);
        int ox1 = first(columns, x0 + found.width());
        int oy0 = 0;
        while (oy0 < image.height() && row(oy0) < y0) {
            oy0++;
        }
        int oy1 = oy0;
        while (oy1 < image.height() && row(oy1) < y0 + found.height()) {
            oy1++;
        }
        if (ox1 <= ox0 || oy1 <= oy0) {
            return;
        }
        int ow = ox1 - ox0;
        int oh = oy1 - oy0;
        int[] local = new int[ow * oh];
        for (int y = 0; y < oh; y++) {
            int sy = row(oy0 + y) - y0;
            for (int x = 0; x < ow; x++) {
                local[y * ow + x] = found.get(columns[ox0 + x] - x0, sy);
            }
        }
        Plane rows = image.rows(oy0, oh);
        float[] pixels = new float[ow * oh];
        for (int y = 0; y < oh; y++) {
            System.arraycopy(rows.data(), y * image.width() + ox0, pixels, y * ow, ow);
        }
        target.objects(new LabelMap(ow, oh, local), new Plane(ow, oh, pixels), ox0, oy0, firstLabel);
    }

    /** The first index whose value is at least {@code value} in a non-decreasing array (its length if none). */
    private static int first(int[] sorted, int value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

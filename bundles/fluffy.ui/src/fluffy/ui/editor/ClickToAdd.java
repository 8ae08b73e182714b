package fluffy.ui.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;

import fluffy.core.image.Plane;
import fluffy.core.labels.LabelMap;
import fluffy.inference.PostProcessing;
import fluffy.inference.Predictor;
import fluffy.runtime.session.SessionException;

/**
 * Model-assisted annotation: the model predicts a window around a click, and the object under the click
 * (or the nearest within a few pixels, for a click on an outline) is the result. A window of
 * {@value #WINDOW} pixels costs a fraction of a second on a CPU and holds any nucleus whole; it is normalised
 * on its own, as a crop of the image.
 */
public final class ClickToAdd {

    static final int WINDOW = 256;
    /** A click this close (pixels) to an object takes it: outlines are hard to hit from inside. */
    static final int REACH = 3;

    private ClickToAdd() {
    }

    /**
     * The object under image point (x, y) as a mask of the whole image, or null when the model finds none
     * there.
     *
     * @param channels the image's planes in the model's channel order
     */
    public static boolean[] objectAt(Predictor predictor, List<Plane> channels, int x, int y, IProgressMonitor monitor)
            throws SessionException {
        int w = channels.get(0).width();
        int h = channels.get(0).height();
        int ww = Math.min(WINDOW, w);
        int wh = Math.min(WINDOW, h);
        int x0 = Math.max(0, Math.min(w - ww, x - ww / 2));
        int y0 = Math.max(0, Math.min(h - wh, y - wh / 2));
        List<Plane> window = new ArrayList<>();
        for (Plane p : channels) {
            float[] crop = new float[ww * wh];
            for (int row = 0; row < wh; row++) {
                System.arraycopy(p.data(), (y0 + row) * w + x0, crop, row * ww, ww);
            }
            window.add(new Plane(ww, wh, crop));
        }
        LabelMap labels = predictor.segment(window, PostProcessing.DEFAULT, false, monitor).labels();
        int label = nearestLabel(labels, x - x0, y - y0);
        if (label == 0) {
            return null;
        }
        boolean[] mask = new boolean[w * h];
        for (int row = 0; row < wh; row++) {
            for (int col = 0; col < ww; col++) {
                if (labels.get(col, row) == label) {
                    mask[(y0 + row) * w + x0 + col] = true;
                }
            }
        }
        return mask;
    }

    /** The label at (x, y), else the nearest within {@link #REACH} pixels, else 0. */
    static int nearestLabel(LabelMap labels, int x, int y) {
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int dy = -REACH; dy <= REACH; dy++) {
            for (int dx = -REACH; dx <= REACH; dx++) {
                int px = x + dx;
                int py = y + dy;
                double d = dx * dx + dy * dy;
                if (px >= 0 && py >= 0 && px < labels.width() && py < labels.height() && d <= REACH * REACH
                        && d < bestDistance && labels.get(px, py) != 0) {
                    best = labels.get(px, py);
                    bestDistance = d;
                }
            }
        }
        return best;
    }
}

package fluffy.ui.editor;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;

import fluffy.core.image.Plane;
import fluffy.core.labels.LabelMap;
import fluffy.inference.ClassMaps;
import fluffy.inference.PostProcessing;
import fluffy.inference.PredictionModel;
import fluffy.inference.Predictor;
import fluffy.inference.review.ObjectDoubts;
import fluffy.io.rois.LabelMapRois;
import fluffy.runtime.session.SessionException;
import ij.gui.Roi;

/**
 * Predict ROIs on a region: the model predicts only the part of the image in view (when zoomed in), and
 * its objects, in image coordinates with the model's doubt of each, replace the ROIs whose centre lies in
 * that region; the ROIs elsewhere stay as they are.
 */
public final class RegionPrediction {

    private RegionPrediction() {
    }

    /** The objects the model finds in {@code region} of the image (its planes in the model's channel order). */
    public static List<Roi> objects(Predictor predictor, List<Plane> channels, Rectangle region,
            IProgressMonitor monitor) throws SessionException {
        int w = channels.get(0).width();
        List<Plane> crop = new ArrayList<>();
        for (Plane p : channels) {
            float[] data = new float[region.width * region.height];
            for (int row = 0; row < region.height; row++) {
                System.arraycopy(p.data(), (region.y + row) * w + region.x, data, row * region.width, region.width);
            }
            crop.add(new Plane(region.width, region.height, data));
        }
        PredictionModel.Segmented s = predictor.segment(crop, PostProcessing.DEFAULT, true, monitor);
        LabelMap labels = s.labels();
        List<ObjectDoubts.Doubt> doubts = ObjectDoubts.of(labels, foreground(s.maps()), object(s.maps()));
        List<Roi> rois = LabelMapRois.rois(labels, 0, 0);
        for (ObjectDoubts.Doubt d : doubts) {
            Roi r = rois.get(d.label() - 1);
            r.setProperty(PredictedRois.DOUBT, String.format(java.util.Locale.ROOT, "%.3f", d.score()));
            r.setProperty(PredictedRois.DOUBT + ".reason", d.reason());
        }
        for (Roi r : rois) {
            r.setName(null);
            r.setLocation(r.getXBase() + region.x, r.getYBase() + region.y);
        }
        return rois;
    }

    /** The region of the image in view, or null when the whole image is (then the whole image is predicted). */
    static Rectangle visible(ViewTransform view, int canvasWidth, int canvasHeight, int imageWidth, int imageHeight) {
        int x0 = (int) Math.max(0, Math.floor(view.toImageX(0)));
        int y0 = (int) Math.max(0, Math.floor(view.toImageY(0)));
        int x1 = (int) Math.min(imageWidth, Math.ceil(view.toImageX(canvasWidth)));
        int y1 = (int) Math.min(imageHeight, Math.ceil(view.toImageY(canvasHeight)));
        if (x1 - x0 < 16 || y1 - y0 < 16 || (x0 == 0 && y0 == 0 && x1 == imageWidth && y1 == imageHeight)) {
            return null;
        }
        return new Rectangle(x0, y0, x1 - x0, y1 - y0);
    }

    /** One minus the background class where there is one, else the object class; null without maps. */
    private static float[] foreground(ClassMaps maps) {
        int background = maps == null ? -1 : maps.classes().indexOf("background");
        if (background < 0) {
            return object(maps);
        }
        float[] fg = maps.channel(background);
        for (int i = 0; i < fg.length; i++) {
            fg[i] = 1 - fg[i];
        }
        return fg;
    }

    private static float[] object(ClassMaps maps) {
        String name = maps == null ? null : objectName(maps);
        return name == null ? null : maps.channel(maps.classes().indexOf(name));
    }

    private static String objectName(ClassMaps maps) {
        return maps.classes().contains("object") ? "object" : maps.classes().contains("foreground") ? "foreground"
                : null;
    }
}

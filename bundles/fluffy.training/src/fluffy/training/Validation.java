package fluffy.training;

import java.util.List;

import fluffy.core.labels.LabelMap;
import fluffy.core.labels.ObjectSizes;
import fluffy.core.metrics.ObjectMatching;
import fluffy.models.HyperparameterValues;
import fluffy.models.ModelType;
import fluffy.runtime.session.Batch;
import fluffy.runtime.session.SessionException;
import fluffy.runtime.session.TrainingSession;
import fluffy.training.data.Sample;

/**
 * Scores the current weights on whole validation images: each is padded to the network's size multiple
 * (background targets in the padding), predicted, turned into objects by the model type, and compared
 * with its label map. Dice is over all foreground pixels; F1 counts objects matched at IoU 0.5.
 */
final class Validation {

    /** @param diameter the median diameter of the predicted objects (NaN when none were found) */
    record Scores(double loss, double dice, double f1, double diameter) {
    }

    private Validation() {
    }

    static Scores score(TrainingSession session, ModelType type, HyperparameterValues values, int multiple,
            List<Sample> samples) throws SessionException {
        double loss = 0;
        long pixels = 0;
        long intersection = 0;
        long total = 0;
        int tp = 0;
        int fp = 0;
        int fn = 0;
        List<LabelMap> predictions = new java.util.ArrayList<>();
        for (Sample s : samples) {
            Padded p = Padded.of(s, multiple);
            TrainingSession.Evaluation e = session.evaluate(p.batch());
            loss += e.loss() * (double) p.width() * p.height();
            pixels += (long) p.width() * p.height();
            LabelMap predicted = type.labelMap(p.crop(e.prediction().image(0), s), s.width(), s.height(), values);
            int[] pl = predicted.labels();
            int[] tl = s.labels().labels();
            for (int i = 0; i < pl.length; i++) {
                boolean a = pl[i] != 0;
                boolean b = tl[i] != 0;
                intersection += a && b ? 1 : 0;
                total += (a ? 1 : 0) + (b ? 1 : 0);
            }
            predictions.add(predicted);
            ObjectMatching.Result r = ObjectMatching.match(s.labels(), predicted, 0.5);
            tp += r.truePositives();
            fp += r.falsePositives();
            fn += r.falseNegatives();
        }
        double dice = total == 0 ? 1 : 2.0 * intersection / total;
        double f1 = 2 * tp + fp + fn == 0 ? 1 : 2.0 * tp / (2 * tp + fp + fn);
        return new Scores(loss / Math.max(1, pixels), dice, f1, ObjectSizes.medianDiameter(predictions));
    }

    /** A sample padded at the right and bottom to a multiple of the network's size. */
    record Padded(int width, int height, Batch batch) {

        static Padded of(Sample s, int multiple) {
            int w = (s.width() + multiple - 1) / multiple * multiple;
            int h = (s.height() + multiple - 1) / multiple * multiple;
            int classes = s.classes();
            int channels = s.channels();
            float[] image = new float[channels * w * h];
            float[] targets = new float[classes * w * h];
            int sp = s.width() * s.height();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    boolean inside = x < s.width() && y < s.height();
                    int i = y * s.width() + x;
                    for (int c = 0; c < channels; c++) {
                        image[c * w * h + y * w + x] = inside ? s.image()[c * sp + i] : 0;
                    }
                    for (int c = 0; c < classes; c++) {
                        targets[c * w * h + y * w + x] = inside ? s.targets()[c * sp + i] : c == 0 && classes > 1 ? 1 : 0;
                    }
                }
            }
            return new Padded(w, h, new Batch(image, targets, 1, channels, classes, h, w));
        }

        /** The sample's region of a [classes, h, w] prediction. */
        float[] crop(float[] prediction, Sample s) {
            int classes = prediction.length / (width * height);
            float[] out = new float[classes * s.width() * s.height()];
            for (int c = 0; c < classes; c++) {
                for (int y = 0; y < s.height(); y++) {
                    System.arraycopy(prediction, c * width * height + y * width, out,
                            c * s.width() * s.height() + y * s.width(), s.width());
                }
            }
            return out;
        }
    }
}

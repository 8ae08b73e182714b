package fluffy.inference.evaluation;

import java.util.ArrayList;
import java.util.List;

import fluffy.core.labels.LabelMap;
import fluffy.core.metrics.Overlaps;

/**
 * How one predicted label map compares with the truth, or (summed) how a set of them does. Objects are
 * matched by IoU with unique assignment at each threshold 0.50, 0.55 … 0.95. Per threshold: precision
 * TP/(TP+FP), recall TP/(TP+FN), F1 2TP/(2TP+FP+FN) and AP TP/(TP+FP+FN) (the Data Science Bowl 2018
 * definition, for one confidence level); {@link #meanAp()} averages AP over the thresholds. At 0.5: the
 * mean IoU of matched pairs and panoptic quality ΣIoU/(TP + FP/2 + FN/2). Pixel IoU and Dice compare the
 * foregrounds. Sums of counts make aggregates, so aggregate scores weight every object equally.
 */
public record ImageScores(String name, int truthObjects, int predictedObjects, List<Counts> thresholds,
        long truthPixels, long predictedPixels, long intersectionPixels) {

    /** The IoU thresholds: 0.50 to 0.95 in steps of 0.05 (written so that each is exact in decimal). */
    public static final List<Double> THRESHOLDS = List.of(0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95);

    /** Matches at one threshold and the summed IoU of the matched pairs. */
    public record Counts(double threshold, int tp, int fp, int fn, double iouSum) {

        public double precision() {
            return tp + fp == 0 ? 1 : tp / (double) (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 1 : tp / (double) (tp + fn);
        }

        public double f1() {
            return 2 * tp + fp + fn == 0 ? 1 : 2.0 * tp / (2 * tp + fp + fn);
        }

        public double ap() {
            return tp + fp + fn == 0 ? 1 : tp / (double) (tp + fp + fn);
        }

        Counts plus(Counts o) {
            return new Counts(threshold, tp + o.tp, fp + o.fp, fn + o.fn, iouSum + o.iouSum);
        }
    }

    public ImageScores {
        thresholds = List.copyOf(thresholds);
    }

    public static ImageScores compare(String name, LabelMap truth, LabelMap predicted) {
        Overlaps overlaps = Overlaps.of(truth, predicted);
        List<Counts> counts = new ArrayList<>();
        for (double t : THRESHOLDS) {
            Overlaps.Matching m = overlaps.match(t);
            counts.add(new Counts(t, m.truePositives(), m.falsePositives(), m.falseNegatives(), m.iouSum()));
        }
        long tp = 0;
        long pp = 0;
        long both = 0;
        int[] a = truth.labels();
        int[] b = predicted.labels();
        for (int i = 0; i < a.length; i++) {
            tp += a[i] != 0 ? 1 : 0;
            pp += b[i] != 0 ? 1 : 0;
            both += a[i] != 0 && b[i] != 0 ? 1 : 0;
        }
        return new ImageScores(name, overlaps.truthObjects(), overlaps.predictedObjects(), counts, tp, pp, both);
    }

    /** The sum of several comparisons, named {@code name}. */
    public static ImageScores sum(String name, List<ImageScores> all) {
        List<Counts> counts = new ArrayList<>();
        for (int k = 0; k < THRESHOLDS.size(); k++) {
            Counts c = new Counts(THRESHOLDS.get(k), 0, 0, 0, 0);
            for (ImageScores s : all) {
                c = c.plus(s.thresholds.get(k));
            }
            counts.add(c);
        }
        return new ImageScores(name, all.stream().mapToInt(ImageScores::truthObjects).sum(),
                all.stream().mapToInt(ImageScores::predictedObjects).sum(), counts,
                all.stream().mapToLong(ImageScores::truthPixels).sum(),
                all.stream().mapToLong(ImageScores::predictedPixels).sum(),
                all.stream().mapToLong(ImageScores::intersectionPixels).sum());
    }

    /** The counts at a threshold from {@link #THRESHOLDS}. */
    public Counts at(double threshold) {
        return thresholds.stream().filter(c -> c.threshold() == threshold).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scores at IoU " + threshold));
    }

    /** AP averaged over the thresholds 0.5 … 0.95. */
    public double meanAp() {
        return thresholds.stream().mapToDouble(Counts::ap).average().orElse(Double.NaN);
    }

    /** Mean IoU of the pairs matched at 0.5 (0 without matches). */
    public double meanMatchedIou() {
        Counts c = at(0.5);
        return c.tp() == 0 ? 0 : c.iouSum() / c.tp();
    }

    /** Panoptic quality at 0.5: segmentation quality times recognition quality. */
    public double panopticQuality() {
        Counts c = at(0.5);
        double denominator = c.tp() + 0.5 * c.fp() + 0.5 * c.fn();
        return denominator == 0 ? 1 : c.iouSum() / denominator;
    }

    public double pixelIou() {
        long union = truthPixels + predictedPixels - intersectionPixels;
        return union == 0 ? 1 : intersectionPixels / (double) union;
    }

    public double dice() {
        long total = truthPixels + predictedPixels;
        return total == 0 ? 1 : 2.0 * intersectionPixels / total;
    }
}

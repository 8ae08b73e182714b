package fluffy.ui.training;

import java.util.Arrays;
import java.util.List;

import fluffy.training.EpochResult;

/**
 * The per-epoch curves of one run in primitive arrays that grow by doubling, so appending an epoch is
 * cheap and a chart gets plain {@code double[]} copies. Epochs arrive in order; one already known (a
 * listener attached while the log was being read) is ignored.
 */
public final class RunCurves {

    private double[] epoch = new double[16];
    private double[] trainLoss = new double[16];
    private double[] valLoss = new double[16];
    private double[] valF1 = new double[16];
    private double[] seconds = new double[16];
    private int size;
    private EpochResult best;

    public static RunCurves of(List<EpochResult> epochs) {
        RunCurves curves = new RunCurves();
        epochs.forEach(curves::append);
        return curves;
    }

    /** Adds an epoch; returns false when it is not newer than the last one. */
    public boolean append(EpochResult r) {
        if (size > 0 && r.epoch() <= epoch[size - 1]) {
            return false;
        }
        if (size == epoch.length) {
            int n = size * 2;
            epoch = Arrays.copyOf(epoch, n);
            trainLoss = Arrays.copyOf(trainLoss, n);
            valLoss = Arrays.copyOf(valLoss, n);
            valF1 = Arrays.copyOf(valF1, n);
            seconds = Arrays.copyOf(seconds, n);
        }
        epoch[size] = r.epoch();
        trainLoss[size] = r.trainLoss();
        valLoss[size] = r.valLoss();
        valF1[size] = r.valF1();
        seconds[size] = r.seconds();
        size++;
        if (r.best()) {
            best = r;
        }
        return true;
    }

    public int size() {
        return size;
    }

    /** The number of the last epoch, 0 before the first. */
    public int lastEpoch() {
        return size == 0 ? 0 : (int) epoch[size - 1];
    }

    /** The last epoch marked best (its weights are model.onnx), or null. */
    public EpochResult best() {
        return best;
    }

    public double[] epochs() {
        return Arrays.copyOf(epoch, size);
    }

    public double[] trainLoss() {
        return Arrays.copyOf(trainLoss, size);
    }

    public double[] valLoss() {
        return Arrays.copyOf(valLoss, size);
    }

    public double[] valF1() {
        return Arrays.copyOf(valF1, size);
    }

    /** Mean seconds of the last {@code n} epochs (the first epochs are slower while caches warm up), 0 before any. */
    public double recentSecondsPerEpoch(int n) {
        int from = Math.max(0, size - n);
        double sum = 0;
        for (int i = from; i < size; i++) {
            sum += seconds[i];
        }
        return size == from ? 0 : sum / (size - from);
    }

    /** Seconds spent in the epochs so far. */
    public double totalSeconds() {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += seconds[i];
        }
        return sum;
    }
}

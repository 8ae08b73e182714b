package fluffy.training.search;

import java.util.Arrays;

/**
 * Chooses the GP's length scales and noise by maximising the log marginal likelihood plus a weak
 * log-normal prior on each length scale. First one length scale shared by all coordinates, on a grid
 * together with the noise; then coordinate ascent per length scale (automatic relevance) and the noise
 * again, on the same grids. Grids instead of gradients: with a dozen to a hundred trials an evaluation
 * costs microseconds, grids cannot diverge, and the result is deterministic.
 */
final class KernelFit {

    /** 0.02 to 10 in the unit cube: from "changes within 2% of the range" to "irrelevant". */
    static final double[] LENGTH_SCALES = geometric(0.02, 10, 15);
    static final double[] NOISES = {1e-6, 1e-4, 1e-3, 1e-2, 0.03, 0.1, 0.3};
    private static final int SWEEPS = 2;
    /**
     * Prior on ln ℓ: normal around ln 0.5 with a standard deviation of ln 10. It changes little once data
     * speak, but keeps a handful of trials from declaring a dimension irrelevant or infinitely rough.
     */
    private static final double PRIOR_CENTRE = Math.log(0.5);
    private static final double PRIOR_SD = Math.log(10);

    private KernelFit() {
    }

    /** @throws ArithmeticException when no setting gives a positive definite covariance */
    static GaussianProcess fit(double[][] x, double[] y) {
        int dims = x.length == 0 ? 0 : x[0].length;
        Best best = new Best();
        for (double l : LENGTH_SCALES) {
            double[] scales = new double[dims];
            Arrays.fill(scales, l);
            for (double noise : NOISES) {
                best.consider(x, y, scales, noise);
            }
        }
        if (best.gp == null) {
            throw new ArithmeticException("no kernel setting fits the observations");
        }
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            for (int d = 0; d < dims; d++) {
                double[] scales = best.scales.clone();
                for (double l : LENGTH_SCALES) {
                    scales[d] = l;
                    best.consider(x, y, scales, best.noise);
                }
            }
            double[] scales = best.scales.clone();
            for (double noise : NOISES) {
                best.consider(x, y, scales, noise);
            }
        }
        return best.gp;
    }

    private static final class Best {
        GaussianProcess gp;
        double[] scales;
        double noise;
        double score = Double.NEGATIVE_INFINITY;

        void consider(double[][] x, double[] y, double[] lengthScales, double noiseRatio) {
            try {
                GaussianProcess candidate = GaussianProcess.fit(x, y, new Matern52(lengthScales), noiseRatio);
                double s = candidate.logLikelihood() + logPrior(lengthScales);
                if (s > score) {
                    gp = candidate;
                    scales = lengthScales.clone();
                    noise = noiseRatio;
                    score = s;
                }
            } catch (ArithmeticException e) {
                // numerically singular for this setting: another one will do
            }
        }
    }

    static double logPrior(double[] lengthScales) {
        double sum = 0;
        for (double l : lengthScales) {
            double t = (Math.log(l) - PRIOR_CENTRE) / PRIOR_SD;
            sum -= 0.5 * t * t;
        }
        return sum;
    }

    private static double[] geometric(double from, double to, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = from * Math.pow(to / from, i / (double) (count - 1));
        }
        return values;
    }
}

package fluffy.training.search;

/**
 * A Gaussian-process regression of observed objectives over cube points, with a constant mean.
 * Objectives are standardised (mean 0, variance 1) before fitting; the signal variance σ² is then not
 * searched for but set to its maximum-likelihood value given the length scales and the noise ratio
 * ("profiled out"), which leaves fewer hyperparameters to fit. The noise is a ratio to σ², because trial
 * scores are noisy: the same hyperparameters trained twice do not score the same.
 */
final class GaussianProcess {

    /** Keeps σ² away from zero when all objectives are equal, so the GP still explores. */
    private static final double MIN_SIGNAL_VARIANCE = 1e-3;

    /** Posterior of the latent objective at a point, in the objective's units. */
    record Prediction(double mean, double sd) {
    }

    private final double[][] x;
    private final Matern52 kernel;
    private final Cholesky factor;
    private final double[] alpha;
    private final double offset;
    private final double scale;
    private final double signalVariance;
    private final double logLikelihood;

    private GaussianProcess(double[][] x, Matern52 kernel, Cholesky factor, double[] alpha, double offset,
            double scale, double signalVariance, double logLikelihood) {
        this.x = x;
        this.kernel = kernel;
        this.factor = factor;
        this.alpha = alpha;
        this.offset = offset;
        this.scale = scale;
        this.signalVariance = signalVariance;
        this.logLikelihood = logLikelihood;
    }

    /**
     * @param noise the noise variance as a fraction of the signal variance
     * @throws ArithmeticException when the covariance matrix is numerically singular
     */
    static GaussianProcess fit(double[][] x, double[] y, Matern52 kernel, double noise) {
        int n = y.length;
        double offset = 0;
        for (double v : y) {
            offset += v / n;
        }
        double ss = 0;
        for (double v : y) {
            ss += (v - offset) * (v - offset);
        }
        double scale = n > 1 && ss > 0 ? Math.sqrt(ss / (n - 1)) : 1;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = (y[i] - offset) / scale;
        }
        double[][] k = kernel.matrix(x);
        for (int i = 0; i < n; i++) {
            k[i][i] += noise;
        }
        Cholesky factor = Cholesky.of(k);
        double[] alpha = factor.solve(z);
        double quadratic = 0;
        for (int i = 0; i < n; i++) {
            quadratic += z[i] * alpha[i];
        }
        double variance = Math.max(MIN_SIGNAL_VARIANCE, quadratic / n);
        // log p(z) for covariance σ²K: −½ zᵀK⁻¹z / σ² − ½ n log σ² − ½ log|K| − ½ n log 2π
        double logLikelihood = -0.5 * quadratic / variance - 0.5 * n * Math.log(variance)
                - 0.5 * factor.logDeterminant() - 0.5 * n * Math.log(2 * Math.PI);
        return new GaussianProcess(x, kernel, factor, alpha, offset, scale, variance, logLikelihood);
    }

    /** The log marginal likelihood of the standardised objectives, for comparing hyperparameters. */
    double logLikelihood() {
        return logLikelihood;
    }

    Matern52 kernel() {
        return kernel;
    }

    /** The standard deviation of the objectives fitted (1 when they are all equal). */
    double scale() {
        return scale;
    }

    /** The posterior mean needs only K⁻¹z (σ² cancels); the variance is σ²(1 − rᵀK⁻¹r). */
    Prediction predict(double[] at) {
        int n = x.length;
        double[] r = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            r[i] = kernel.correlation(at, x[i]);
            mean += r[i] * alpha[i];
        }
        double[] v = factor.solveLower(r);
        double explained = 0;
        for (double t : v) {
            explained += t * t;
        }
        double variance = signalVariance * Math.max(0, 1 - explained);
        return new Prediction(offset + scale * mean, scale * Math.sqrt(variance));
    }
}

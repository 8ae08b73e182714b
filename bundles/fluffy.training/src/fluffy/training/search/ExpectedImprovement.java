package fluffy.training.search;

/**
 * Expected improvement for minimisation: E[max(best − ξ − f, 0)] for f ~ N(mean, sd²), which is
 * (best − ξ − mean) Φ(z) + sd φ(z) with z = (best − ξ − mean) / sd. Large where the GP predicts a low
 * value (exploitation) or is unsure (exploration); ξ > 0 leans a little towards exploration.
 */
final class ExpectedImprovement {

    private ExpectedImprovement() {
    }

    static double of(GaussianProcess.Prediction p, double best, double xi) {
        return of(p.mean(), p.sd(), best, xi);
    }

    static double of(double mean, double sd, double best, double xi) {
        double gain = best - xi - mean;
        if (!(sd > 0)) {
            // Where the GP is certain, the improvement is exactly the predicted gain, if any.
            return Math.max(gain, 0);
        }
        double z = gain / sd;
        return Math.max(0, gain * cdf(z) + sd * pdf(z));
    }

    static double pdf(double z) {
        return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    }

    /** Standard normal CDF, Φ(z) = ½ erfc(−z/√2). */
    static double cdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    /**
     * Complementary error function by the Chebyshev-fitted exponential of Numerical Recipes (fractional
     * error below 1.2e-7 everywhere), which keeps its relative accuracy in the far tail where EI lives.
     */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                        + t * (-0.82215223 + t * 0.17087277))))))));
        double r = t * Math.exp(poly);
        return x >= 0 ? r : 2 - r;
    }
}

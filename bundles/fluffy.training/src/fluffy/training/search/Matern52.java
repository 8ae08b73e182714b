package fluffy.training.search;

/**
 * The Matérn 5/2 correlation with one length scale per cube coordinate (automatic relevance determination):
 * k(r) = (1 + √5 r + 5r²/3) exp(−√5 r), r the length-scaled distance. Twice differentiable, so less smooth
 * than the squared exponential, which suits validation scores that change abruptly with, say, depth.
 * Its value at r = 0 is 1: the signal variance is a separate factor (see {@link GaussianProcess}).
 */
record Matern52(double[] lengthScales) {

    private static final double SQRT5 = Math.sqrt(5);

    Matern52 {
        lengthScales = lengthScales.clone();
    }

    double correlation(double[] a, double[] b) {
        double r2 = 0;
        for (int d = 0; d < a.length; d++) {
            double t = (a[d] - b[d]) / lengthScales[d];
            r2 += t * t;
        }
        double r = Math.sqrt(r2);
        return (1 + SQRT5 * r + 5 * r2 / 3) * Math.exp(-SQRT5 * r);
    }

    /** The correlation matrix of a set of points. */
    double[][] matrix(double[][] x) {
        int n = x.length;
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            k[i][i] = 1;
            for (int j = 0; j < i; j++) {
                k[i][j] = k[j][i] = correlation(x[i], x[j]);
            }
        }
        return k;
    }
}

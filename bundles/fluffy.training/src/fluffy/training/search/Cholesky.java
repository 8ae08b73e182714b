package fluffy.training.search;

/**
 * The factor L of a symmetric positive definite matrix A = L Lᵀ, with the solves a Gaussian process needs.
 * Matrices here are at most a few hundred rows (one per trial), so the plain O(n³) algorithm is fine.
 */
final class Cholesky {

    private final double[][] lower;

    private Cholesky(double[][] lower) {
        this.lower = lower;
    }

    /**
     * @throws ArithmeticException when the matrix is not (numerically) positive definite
     */
    static Cholesky of(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        throw new ArithmeticException("matrix is not positive definite (pivot " + sum + " at row " + i + ")");
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        return new Cholesky(l);
    }

    int size() {
        return lower.length;
    }

    double get(int i, int j) {
        return lower[i][j];
    }

    /** Solves L z = b (forward substitution). */
    double[] solveLower(double[] b) {
        int n = lower.length;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= lower[i][k] * z[k];
            }
            z[i] = sum / lower[i][i];
        }
        return z;
    }

    /** Solves A x = b through L z = b and Lᵀ x = z. */
    double[] solve(double[] b) {
        int n = lower.length;
        double[] x = solveLower(b);
        for (int i = n - 1; i >= 0; i--) {
            double sum = x[i];
            for (int k = i + 1; k < n; k++) {
                sum -= lower[k][i] * x[k];
            }
            x[i] = sum / lower[i][i];
        }
        return x;
    }

    /** log det A = 2 Σ log Lᵢᵢ, computed without forming the determinant, which under- or overflows. */
    double logDeterminant() {
        double sum = 0;
        for (int i = 0; i < lower.length; i++) {
            sum += Math.log(lower[i][i]);
        }
        return 2 * sum;
    }
}

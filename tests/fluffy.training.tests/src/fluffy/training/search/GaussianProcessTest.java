package fluffy.training.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class GaussianProcessTest {

    @Test
    void choleskyFactorsAKnownMatrix() {
        double[][] a = {{4, 12, -16}, {12, 37, -43}, {-16, -43, 98}};
        Cholesky c = Cholesky.of(a);
        double[][] expected = {{2, 0, 0}, {6, 1, 0}, {-8, 5, 3}};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(expected[i][j], c.get(i, j), 1e-12);
            }
        }
        assertEquals(2 * Math.log(2 * 1 * 3), c.logDeterminant(), 1e-12);
        double[] x = c.solve(new double[] {1, 2, 3});
        for (int i = 0; i < 3; i++) {
            double ax = a[i][0] * x[0] + a[i][1] * x[1] + a[i][2] * x[2];
            assertEquals(i + 1, ax, 1e-9);
        }
        assertArrayEquals(new double[] {0.5, -1, 0}, c.solveLower(new double[] {1, 2, -9}), 1e-12);
    }

    @Test
    void choleskyRefusesAMatrixThatIsNotPositiveDefinite() {
        assertThrows(ArithmeticException.class, () -> Cholesky.of(new double[][] {{1, 2}, {2, 1}}));
    }

    @Test
    void posteriorMeanInterpolatesObservationsWhenNoiseIsTiny() {
        double[][] x = {{0.1, 0.2}, {0.8, 0.3}, {0.5, 0.9}, {0.3, 0.6}, {0.95, 0.95}};
        double[] y = {3.0, -1.0, 0.5, 2.0, 7.0};
        GaussianProcess gp = GaussianProcess.fit(x, y, new Matern52(new double[] {0.3, 0.3}), 1e-10);
        for (int i = 0; i < x.length; i++) {
            GaussianProcess.Prediction p = gp.predict(x[i]);
            assertEquals(y[i], p.mean(), 1e-4, "mean at observation " + i);
            assertTrue(p.sd() < 1e-3, "sd at observation " + i + " is " + p.sd());
        }
        GaussianProcess.Prediction between = gp.predict(new double[] {0.5, 0.5});
        assertTrue(between.sd() > 0.1, "uncertain between observations: " + between.sd());
        // Far from every observation the posterior reverts to the constant mean.
        GaussianProcess.Prediction far = gp.predict(new double[] {50, 50});
        assertEquals((3.0 - 1.0 + 0.5 + 2.0 + 7.0) / 5, far.mean(), 1e-9);
    }

    @Test
    void noiseLetsTheMeanSmoothRepeatedObservations() {
        double[][] x = {{0.5}, {0.5}};
        double[] y = {1, 3};
        GaussianProcess gp = GaussianProcess.fit(x, y, new Matern52(new double[] {0.2}), 0.1);
        assertEquals(2, gp.predict(new double[] {0.5}).mean(), 1e-9);
    }

    @Test
    void fittedLengthScaleIsLongerForAnIrrelevantDimension() {
        Random random = new Random(3);
        int n = 30;
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {random.nextDouble(), random.nextDouble()};
            y[i] = Math.sin(6 * x[i][0]);
        }
        double[] scales = KernelFit.fit(x, y).kernel().lengthScales();
        assertTrue(scales[1] > 3 * scales[0], "length scales " + scales[0] + ", " + scales[1]);
    }
}

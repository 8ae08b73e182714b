package fluffy.training.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExpectedImprovementTest {

    @Test
    void zeroWhereTheGpIsCertainAndTheBestIsBetter() {
        assertEquals(0, ExpectedImprovement.of(1.0, 0.0, 0.5, 0.0));
        assertEquals(0, ExpectedImprovement.of(0.5, 0.0, 0.5, 0.0));
    }

    @Test
    void thePredictedGainWhereTheGpIsCertainAndBetter() {
        assertEquals(0.25, ExpectedImprovement.of(0.25, 0.0, 0.5, 0.0), 1e-15);
    }

    @Test
    void knownValuesWhereTheGpIsUnsure() {
        // mean = best: EI = sd φ(0)
        assertEquals(2 / Math.sqrt(2 * Math.PI), ExpectedImprovement.of(1, 2, 1, 0), 1e-7);
        // gain 1, sd 1: Φ(1) + φ(1)
        assertEquals(0.8413447461 + 0.2419707245, ExpectedImprovement.of(0, 1, 1, 0), 1e-7);
    }

    @Test
    void growsWithUncertaintyAndWithPredictedGain() {
        double base = ExpectedImprovement.of(1, 0.5, 0.8, 0.01);
        assertTrue(base > 0);
        assertTrue(ExpectedImprovement.of(1, 1.0, 0.8, 0.01) > base);
        assertTrue(ExpectedImprovement.of(0.9, 0.5, 0.8, 0.01) > base);
    }

    @Test
    void normalCdfIsAccurateIntoTheTails() {
        assertEquals(0.5, ExpectedImprovement.cdf(0), 1e-7);
        assertEquals(0.9750021048517795, ExpectedImprovement.cdf(1.96), 1e-7);
        assertEquals(0.0013498980316301, ExpectedImprovement.cdf(-3), 2e-7 * 0.00135);
        assertEquals(9.865876450376946e-10, ExpectedImprovement.cdf(-6), 1e-6 * 9.87e-10);
    }
}

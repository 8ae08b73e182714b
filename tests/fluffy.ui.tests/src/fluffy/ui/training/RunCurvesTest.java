package fluffy.ui.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import fluffy.training.EpochResult;

class RunCurvesTest {

    private static EpochResult epoch(int n, double seconds, boolean best) {
        return new EpochResult(n, 1.0 / n, 1.5 / n, 0.5, n / 100.0, 1e-3, seconds, best);
    }

    @Test
    void growsPastItsFirstCapacityAndIgnoresEpochsItHas() {
        RunCurves c = new RunCurves();
        for (int n = 1; n <= 40; n++) {
            c.append(epoch(n, 2, n % 7 == 0));
        }
        assertFalse(c.append(epoch(40, 2, false)), "an epoch already shown");
        assertEquals(40, c.size());
        assertEquals(40, c.lastEpoch());
        assertEquals(35, c.best().epoch());
        assertEquals(40, c.epochs()[39]);
        assertArrayEquals(new double[] {0.01, 0.02}, java.util.Arrays.copyOf(c.valF1(), 2));
    }

    @Test
    void etaFollowsTheRecentPaceAndTheBudget() {
        RunCurves c = new RunCurves();
        assertNull(Eta.remaining(c, 10, null), "no estimate before the first epoch");
        c.append(epoch(1, 60, true)); // warm-up
        for (int n = 2; n <= 6; n++) {
            c.append(epoch(n, 10, false));
        }
        assertEquals(Duration.ofSeconds(40), Eta.remaining(c, 10, null), "4 epochs at the recent 10 s");
        assertEquals(Duration.ofSeconds(10), Eta.remaining(c, 10, Duration.ofSeconds(120)),
                "110 s spent of a 120 s budget");
        assertEquals("1 h 05 min", Eta.format(Duration.ofMinutes(65)));
        assertEquals("7 min 30 s", Eta.format(Duration.ofSeconds(450)));
        assertEquals("45 s", Eta.format(Duration.ofSeconds(45)));
    }
}

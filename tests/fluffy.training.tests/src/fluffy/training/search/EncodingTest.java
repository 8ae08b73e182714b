package fluffy.training.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fluffy.models.Hyperparameter;

class EncodingTest {

    static final List<Hyperparameter> SPACE = List.of(
            Hyperparameter.logReal("learning_rate", "", 1e-6, 1e-1, 1e-4),
            Hyperparameter.integer("depth", "", 1, 5, 4),
            Hyperparameter.choice("optimizer", "", List.of("adam", "rmsprop", "sgd"), "adam"),
            Hyperparameter.choice("batch", "", List.of("1", "2", "4", "8", "16", "32"), "16"),
            Hyperparameter.real("dropout", "", 0, 0.5, 0.1),
            Hyperparameter.flag("augment", "", true));

    private final Encoding encoding = new Encoding(SPACE);

    @Test
    void choicesTakeOneCoordinateEachOtherDimensionsOne() {
        assertEquals(1 + 1 + 3 + 6 + 1 + 1, encoding.dimensions());
    }

    @Test
    void randomCubePointsDecodeToLegalValuesAndCoverEveryIntegerAndChoice() {
        Random random = new Random(1);
        Map<String, Set<Object>> seen = new HashMap<>();
        for (int i = 0; i < 2000; i++) {
            Map<String, Object> point = encoding.decode(encoding.random(random));
            for (Hyperparameter h : SPACE) {
                Object v = point.get(h.name());
                h.check(v);
                seen.computeIfAbsent(h.name(), k -> new HashSet<>()).add(v);
            }
            assertTrue(point.get("depth") instanceof Integer);
            assertTrue(point.get("learning_rate") instanceof Double);
        }
        assertEquals(Set.of(1, 2, 3, 4, 5), seen.get("depth"));
        assertEquals(Set.of("adam", "rmsprop", "sgd"), seen.get("optimizer"));
        assertEquals(6, seen.get("batch").size());
        assertEquals(Set.of(true, false), seen.get("augment"));
    }

    @Test
    void pointsOutsideTheCubeStillDecodeToLegalValues() {
        double[] x = new double[encoding.dimensions()];
        java.util.Arrays.fill(x, 1.7);
        Map<String, Object> high = encoding.decode(x);
        java.util.Arrays.fill(x, -0.4);
        Map<String, Object> low = encoding.decode(x);
        for (Hyperparameter h : SPACE) {
            h.check(high.get(h.name()));
            h.check(low.get(h.name()));
        }
        assertEquals(1e-1, (Double) high.get("learning_rate"));
        assertEquals(5, high.get("depth"));
        assertEquals(1, low.get("depth"));
    }

    @Test
    void encodeThenDecodeGivesThePointBack() {
        Map<String, Object> point = Map.of("learning_rate", 3e-3, "depth", 2, "optimizer", "sgd", "batch", "4",
                "dropout", 0.25, "augment", false);
        Map<String, Object> back = encoding.decode(encoding.encode(point));
        assertEquals(3e-3, (Double) back.get("learning_rate"), 1e-15);
        assertEquals(0.25, (Double) back.get("dropout"), 1e-15);
        assertEquals(2, back.get("depth"));
        assertEquals("sgd", back.get("optimizer"));
        assertEquals("4", back.get("batch"));
        assertEquals(false, back.get("augment"));
    }

    @Test
    void learningRateIsOnALogScale() {
        double[] x = encoding.encode(encoding.defaults());
        x[0] = 0.5;
        assertEquals(Math.sqrt(1e-6 * 1e-1), (Double) encoding.decode(x).get("learning_rate"), 1e-12);
        assertEquals(0.4, encoding.encode(encoding.defaults())[0], 1e-12); // 1e-4 is 2 of 5 decades up
    }

    @Test
    void snappingIsIdempotentAndOneHot() {
        Random random = new Random(2);
        for (int i = 0; i < 100; i++) {
            double[] s = encoding.snap(encoding.random(random));
            assertArrayEquals(s, encoding.snap(s));
            double hot = s[2] + s[3] + s[4];
            assertEquals(1, hot);
        }
    }

    @Test
    void defaultsComeFirstAsDeclaredWithRealsAsDoubles() {
        var space = List.of(new Hyperparameter("x", "", Hyperparameter.Kind.REAL, 0, 10, 3, List.of()));
        assertEquals(Map.of("x", 3.0), new Encoding(space).defaults());
    }

    @Test
    void badSpacesAndPointsAreRefusedByName() {
        var twice = List.of(Hyperparameter.integer("a", "", 0, 1, 0), Hyperparameter.integer("a", "", 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Encoding(twice));
        Map<String, Object> missing = new HashMap<>(encoding.defaults());
        missing.remove("depth");
        var e = assertThrows(IllegalArgumentException.class, () -> encoding.encode(missing));
        assertTrue(e.getMessage().contains("depth"), e.getMessage());
        Map<String, Object> extra = new HashMap<>(encoding.defaults());
        extra.put("colour", "blue");
        assertThrows(IllegalArgumentException.class, () -> encoding.encode(extra));
        Map<String, Object> illegal = new HashMap<>(encoding.defaults());
        illegal.put("depth", 9);
        assertThrows(IllegalArgumentException.class, () -> encoding.encode(illegal));
    }
}

package fluffy.core.labels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import fluffy.core.image.Plane;

class LabelMapTest {

    @Test
    void relabellingNumbersObjectsInOrderOfAppearance() {
        LabelMap map = new LabelMap(3, 2, new int[] {0, 70000, 70000, 5, 0, 9});
        LabelMap relabelled = map.relabelled();
        assertArrayEquals(new int[] {0, 1, 1, 2, 0, 3}, relabelled.labels());
        assertEquals(3, relabelled.objectCount());
        assertEquals(70000, map.maxLabel(), "labels above 65,535 are kept, never wrapped");
    }

    @Test
    void sizeMustMatchTheData() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LabelMap(4, 4, new int[15]));
        assertEquals("label map of 4 x 4 needs 16 labels, got 15", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Plane(0, 3, new float[0]));
    }

    @Test
    void planeAccessIsRowMajor() {
        Plane p = Plane.zeros(3, 2);
        p.set(2, 1, 7f);
        assertEquals(7f, p.data()[5]);
        assertArrayEquals(new float[] {0f, 7f}, p.range());
    }
}

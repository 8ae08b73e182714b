package fluffy.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class NaturalOrderTest {

    private static List<String> sorted(String... names) {
        List<String> list = new ArrayList<>(List.of(names));
        list.sort(NaturalOrder.INSTANCE);
        return list;
    }

    @Test
    void numbersCompareByValue() {
        assertEquals(List.of("img2", "img10", "img100"), sorted("img100", "img2", "img10"));
    }

    @Test
    void slicesOfOneImageStayTogetherInOrder() {
        assertEquals(List.of("cells_1", "cells_2", "cells_10", "cellsB_1"),
                sorted("cells_10", "cellsB_1", "cells_2", "cells_1"));
    }

    @Test
    void caseIsIgnoredButOrderStaysTotal() {
        assertEquals(List.of("Alpha", "beta", "Gamma"), sorted("Gamma", "beta", "Alpha"));
        assertTrue(NaturalOrder.INSTANCE.compare("A", "a") != 0, "names that differ in case are not equal");
    }

    @Test
    void leadingZerosAndHugeNumbers() {
        assertEquals(List.of("t1", "t01", "t2"), sorted("t2", "t01", "t1"));
        assertEquals(List.of("x99999999999999999999", "x100000000000000000000"),
                sorted("x100000000000000000000", "x99999999999999999999"));
    }

    @Test
    void prefixComesFirst() {
        assertEquals(List.of("a", "a1", "ab"), sorted("ab", "a1", "a"));
    }
}

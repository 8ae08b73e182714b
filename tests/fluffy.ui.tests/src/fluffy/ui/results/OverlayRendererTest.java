package fluffy.ui.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.eclipse.swt.graphics.ImageData;
import org.junit.jupiter.api.Test;

import fluffy.core.labels.LabelMap;

class OverlayRendererTest {

    /** 8 x 8: truth has objects 1 (left square) and 2 (right square); prediction finds 1 and adds 5 below. */
    private static LabelMap truth() {
        LabelMap m = LabelMap.empty(8, 8);
        fill(m, 1, 1, 1, 3);
        fill(m, 2, 5, 1, 2);
        return m;
    }

    private static LabelMap predicted() {
        LabelMap m = LabelMap.empty(8, 8);
        fill(m, 1, 1, 1, 3);
        fill(m, 5, 1, 5, 2);
        return m;
    }

    private static void fill(LabelMap m, int label, int x0, int y0, int side) {
        for (int y = y0; y < y0 + side; y++) {
            for (int x = x0; x < x0 + side; x++) {
                m.set(x, y, label);
            }
        }
    }

    private static int rgb(ImageData d, int x, int y) {
        return d.getPixel(x, y) & 0xFFFFFF;
    }

    @Test
    void comparisonColoursTruePositivesFalsePositivesAndMisses() {
        Comparison c = Comparison.of(truth(), predicted());
        assertEquals(1, c.matching().truePositives());
        assertEquals(1, c.matching().falsePositives());
        assertEquals(1, c.matching().falseNegatives());
        ImageData d = OverlayRenderer.render(new int[64], predicted(), truth(), c,
                new OverlayRenderer.Style(OverlayRenderer.Mode.FILLED, 1, true));
        assertEquals(OverlayRenderer.TRUE_POSITIVE, rgb(d, 2, 2));
        assertEquals(OverlayRenderer.FALSE_POSITIVE, rgb(d, 1, 5));
        assertEquals(OverlayRenderer.FALSE_NEGATIVE, rgb(d, 5, 1));
        assertEquals(0, rgb(d, 7, 7), "background keeps the image");
    }

    @Test
    void outlinesLeaveTheInsideAloneAndOpacityBlends() {
        int[] grey = new int[64];
        java.util.Arrays.fill(grey, 0x646464);
        ImageData d = OverlayRenderer.render(grey, predicted(), null, null,
                new OverlayRenderer.Style(OverlayRenderer.Mode.OUTLINES, 0.5, false));
        assertEquals(0x646464, rgb(d, 2, 2), "the centre of a 3 x 3 object is not an edge");
        assertNotEquals(0x646464, rgb(d, 1, 1), "its corner is");
        int[] colours = OverlayRenderer.colours(5);
        assertEquals(OverlayRenderer.blend(0x646464, colours[1], 0.5), rgb(d, 1, 1));
        assertNotEquals(colours[1], colours[5], "objects get colours of their own");
    }

    @Test
    void opacityOutsideTheRangeIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new OverlayRenderer.Style(OverlayRenderer.Mode.FILLED, 1.5, false));
    }
}

package fluffy.core.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import fluffy.core.labels.LabelMap;

class SyntheticNucleiTest {

    private final SyntheticNuclei generator = new SyntheticNuclei(SyntheticNuclei.Settings.nuclei(256, 256));

    @Test
    void theSameSeedGivesTheSameImage() {
        assertEquals(generator.generate(5), generator.generate(5));
        assertNotEquals(generator.generate(5).image(), generator.generate(6).image());
    }

    @Test
    void imagesLookLikeNuclei() {
        SyntheticNuclei.Sample s = generator.generate(42);
        LabelMap labels = s.labels();
        int objects = labels.objectCount();
        assertTrue(objects >= 20 && objects <= 70, "objects: " + objects);
        double inside = 0;
        double outside = 0;
        int nIn = 0;
        int touching = 0;
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                int l = labels.get(x, y);
                if (l != 0) {
                    inside += s.image().get(x, y);
                    nIn++;
                    if (x + 1 < 256 && labels.get(x + 1, y) != 0 && labels.get(x + 1, y) != l) {
                        touching++;
                    }
                } else {
                    outside += s.image().get(x, y);
                }
            }
        }
        double contrast = (inside / nIn) / (outside / (256 * 256 - nIn));
        assertTrue(contrast > 2 && contrast < 30, "nucleus/background contrast " + contrast);
        assertTrue(touching > 0, "some nuclei touch");
        assertTrue(nIn > 0.08 * 256 * 256 && nIn < 0.5 * 256 * 256, "foreground pixels " + nIn);
    }
}

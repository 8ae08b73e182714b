package fluffy.ui.widgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.junit.jupiter.api.Test;

import ij.ImagePlus;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

class DisplayImagesTest {

    @Test
    void dim16BitImageIsStretchedToTheFullGreyRange() {
        ShortProcessor ip = new ShortProcessor(100, 10);
        for (int x = 0; x < 100; x++) {
            for (int y = 0; y < 10; y++) {
                ip.set(x, y, 1000 + x); // a faint ramp, 1000..1099, in a 16-bit range
            }
        }
        ImageData data = DisplayImages.toImageData(new ImagePlus("ramp", ip));
        assertEquals(8, data.depth);
        assertEquals(0, grey(data, 0, 0), "the darkest pixels become black");
        assertEquals(255, grey(data, 99, 0), "the brightest pixels become white");
        int middle = grey(data, 50, 0);
        assertTrue(middle > 110 && middle < 145, "a linear ramp stays linear: " + middle);
    }

    @Test
    void aFewHotPixelsDoNotDarkenTheImage() {
        FloatProcessor ip = new FloatProcessor(100, 100);
        for (int i = 0; i < 100 * 100; i++) {
            ip.setf(i, i % 100); // 0..99 everywhere
        }
        ip.setf(0, 1_000_000f); // one saturated pixel
        double[] range = DisplayRange.stretched(ip, DisplayImages.SATURATED);
        assertTrue(range[1] < 1000, "the outlier is clipped: " + range[1]);
    }

    @Test
    void flatImageDoesNotDivideByZero() {
        double[] range = DisplayRange.stretched(new ShortProcessor(8, 8), DisplayImages.SATURATED);
        assertArrayEquals(new double[] {0, 1}, range);
    }

    @Test
    void rgbKeepsItsColours() {
        ColorProcessor ip = new ColorProcessor(4, 4);
        ip.set(1, 2, 0x12AB34);
        ImageData data = DisplayImages.toImageData(new ImagePlus("rgb", ip));
        assertEquals(new RGB(0x12, 0xAB, 0x34), data.palette.getRGB(data.getPixel(1, 2)));
    }

    private static int grey(ImageData data, int x, int y) {
        return data.palette.getRGB(data.getPixel(x, y)).red;
    }
}

package fluffy.ui.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.junit.jupiter.api.Test;

/** Draws on a real X display and reads the pixels back. */
class ImageCanvasTest {

    @Test
    void imageIsFittedCentredAndDrawn() {
        try (SwtFixture swt = new SwtFixture(400, 300)) {
            swt.shell.setLayout(new FillLayout());
            ImageCanvas canvas = new ImageCanvas(swt.shell);
            swt.open();
            ImageData white = new ImageData(100, 50, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
            for (int y = 0; y < 50; y++) {
                for (int x = 0; x < 100; x++) {
                    white.setPixel(x, y, 0xFFFFFF);
                }
            }
            canvas.setImage(white);

            Rectangle area = canvas.control().getClientArea();
            Rectangle bounds = canvas.imageBounds();
            assertEquals(area.width, bounds.width, "a wide image fills the width");
            assertEquals(area.width / 2, bounds.height, 1, "aspect ratio kept");
            assertEquals(area.y + (area.height - bounds.height) / 2, bounds.y, "centred vertically");

            ImageData shown = swt.snapshot(canvas.control());
            RGB centre = shown.palette.getRGB(shown.getPixel(area.width / 2, area.height / 2));
            assertEquals(new RGB(255, 255, 255), centre, "the image is painted");
            RGB corner = shown.palette.getRGB(shown.getPixel(2, 2));
            assertTrue(corner.red < 200, "outside the image is the dark background: " + corner);
        }
    }

    @Test
    void messageReplacesTheImage() {
        try (SwtFixture swt = new SwtFixture(200, 200)) {
            swt.shell.setLayout(new FillLayout());
            ImageCanvas canvas = new ImageCanvas(swt.shell);
            swt.open();
            canvas.setImage(new ImageData(10, 10, 8, new PaletteData(new RGB[] {new RGB(0, 0, 0)})));
            assertTrue(canvas.hasImage());
            canvas.showMessage("No predictions open.");
            assertFalse(canvas.hasImage());
            assertEquals(0, canvas.imageBounds().width);
        }
    }
}

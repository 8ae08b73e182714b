package fluffy.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.FillLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.core.image.Plane;
import fluffy.core.labels.LabelMap;
import fluffy.io.SyntheticPairs;
import fluffy.ui.widgets.SwtFixture;

/**
 * An image of two channels shows as a composite on a real display: channel 1 in red, channel 2 in green,
 * and the contrast sliders, with channel 2 chosen in the channel box, change channel 2 only.
 */
class CompositeDisplayTest {

    @Test
    void twoChannelsShowRedAndGreenWithAContrastEach(@TempDir Path dir) throws Exception {
        int w = 80;
        int h = 40;
        float[] left = new float[w * h];
        float[] right = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                left[y * w + x] = x < w / 2 ? 3000 + x : 100 + x % 3;
                right[y * w + x] = x >= w / 2 ? 2000 + x : 100 + x % 3;
            }
        }
        Path image = dir.resolve("two.tif");
        SyntheticPairs.write(List.of(new Plane(w, h, left), new Plane(w, h, right)), LabelMap.empty(w, h), image,
                dir.resolve("two_mask.tif"));
        EditorImage read = EditorImage.read(image);
        assertEquals(2, read.channels().size(), "both channels are read");

        try (SwtFixture swt = new SwtFixture(900, 500)) {
            swt.shell.setLayout(new FillLayout());
            AnnotationEditorView view = new AnnotationEditorView(swt.shell, () -> { }, () -> { }, () -> { });
            swt.open();
            view.show(read, new RoiDocument(), "");
            swt.flush();
            assertTrue(view.contrast.channel.isVisible(), "the channel box shows for two channels");
            assertEquals(2, view.contrast.channel.getItemCount());
            RGB l = pixel(view, 10, 20);
            RGB r = pixel(view, 42, 20);
            assertTrue(l.red > 200 && l.green < 40, "channel 1 bright on the left shows red: " + l);
            assertTrue(r.green > 200 && r.red < 40, "channel 2 bright on the right shows green: " + r);

            // Channel 2's darkest value shown up to near its maximum: its dimmer pixels turn black, channel 1's stay.
            view.contrast.channel.select(1);
            view.contrast.channel.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
            view.contrast.low.setSelection(990);
            view.contrast.low.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
            swt.flush();
            RGB l2 = pixel(view, 10, 20);
            RGB r2 = pixel(view, 42, 20);
            assertEquals(l, l2, "channel 1 keeps its contrast");
            assertTrue(r2.green < 40, "channel 2's darkest value shown is above this pixel: " + r + " -> " + r2);
            assertFalse(r2.red > 40, "and channel 1 adds nothing there");
        }
    }

    private static RGB pixel(AnnotationEditorView view, int x, int y) {
        ImageData data = view.canvas().shownImage();
        return data.palette.getRGB(data.getPixel(x, y));
    }
}

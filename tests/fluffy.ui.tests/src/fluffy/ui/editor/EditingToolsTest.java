package fluffy.ui.editor;

import static fluffy.ui.editor.EditorEvents.click;
import static fluffy.ui.editor.EditorEvents.drag;
import static fluffy.ui.editor.EditorEvents.press;
import static fluffy.ui.editor.EditorEvents.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.core.labels.LabelMap;
import fluffy.ui.widgets.SwtFixture;
import ij.IJ;
import ij.ImagePlus;
import ij.process.ShortProcessor;

/**
 * The pixel tools driven with mouse events on a real display, on objects of a real image file: the brush
 * adds pixels to the selected object and keeps its own, the eraser removes pixels, a line splits an object
 * into two whose union is the original, merge makes one object of two, and fill holes closes a ring.
 */
class EditingToolsTest {

    private static final int W = 120;
    private static final int H = 80;

    @Test
    void brushEraserSplitMergeAndFillHolesChangeTheObjectsPixels(@TempDir Path dir) throws Exception {
        ShortProcessor ip = new ShortProcessor(W, H);
        for (int i = 0; i < W * H; i++) {
            ip.set(i, 500 + i % 37);
        }
        Path image = dir.resolve("objects.tif");
        IJ.saveAsTiff(new ImagePlus("objects", ip), image.toString());
        // A square (label 1), a rectangle (2) and a ring (3, a hole in its middle).
        int[] labels = new int[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (x >= 10 && x < 30 && y >= 10 && y < 30) {
                    labels[y * W + x] = 1;
                } else if (x >= 45 && x < 75 && y >= 10 && y < 30) {
                    labels[y * W + x] = 2;
                } else if (x >= 85 && x < 105 && y >= 40 && y < 60 && !(x >= 91 && x < 99 && y >= 46 && y < 54)) {
                    labels[y * W + x] = 3;
                }
            }
        }
        RoiDocument doc = RoiDocument.ofLabelMap(new LabelMap(W, H, labels));
        RoiEdits edits = new RoiEdits(W, H);
        try (SwtFixture swt = new SwtFixture(900, 600)) {
            swt.shell.setLayout(new FillLayout());
            AnnotationEditorView view = new AnnotationEditorView(swt.shell, () -> { }, () -> { }, () -> { });
            swt.open();
            view.show(EditorImage.read(image), doc, "");
            swt.flush();
            assertEquals(3, doc.rois().size());

            // Brush: select the square, paint from inside it to the right.
            boolean[] square = edits.mask(doc.rois().get(0));
            doc.select(0);
            tool(view, RoiDrawing.Tool.BRUSH);
            view.brushSize.setSelection(3);
            view.brushSize.notifyListeners(SWT.Selection, new Event());
            drag(view, 25, 20, 38, 20, 8);
            boolean[] brushed = edits.mask(doc.rois().get(0));
            assertTrue(count(brushed) > count(square) + 20, count(square) + " -> " + count(brushed));
            assertTrue(contains(brushed, square), "the brush keeps the object's own pixels");
            assertTrue(brushed[20 * W + 36], "and adds those under the stroke");
            assertTrue(view.status().getText().contains("pixels"), view.status().getText());

            // Eraser: rub the square's left edge away.
            tool(view, RoiDrawing.Tool.ERASER);
            drag(view, 11, 12, 11, 28, 8);
            boolean[] erased = edits.mask(doc.rois().get(0));
            assertTrue(count(erased) < count(brushed) - 20, count(brushed) + " -> " + count(erased));
            assertTrue(contains(brushed, erased), "the eraser only removes");
            assertFalse(erased[20 * W + 11], "the pixels under the stroke are gone");

            // Split the rectangle along a vertical line: two objects whose union is the rectangle.
            boolean[] rectangle = edits.mask(doc.rois().get(1));
            doc.select(1);
            tool(view, RoiDrawing.Tool.SPLIT);
            drag(view, 60, 4, 60, 36, 8);
            assertEquals(4, doc.rois().size(), "the rectangle became two objects");
            boolean[] a = edits.mask(doc.rois().get(1));
            boolean[] b = edits.mask(doc.rois().get(2));
            assertEquals(count(rectangle), count(a) + count(b), "no pixel lost or doubled");
            assertTrue(contains(rectangle, a) && contains(rectangle, b) && disjoint(a, b));
            assertTrue(count(a) > 200 && count(b) > 200, count(a) + " and " + count(b));

            // Merge the two halves again: select one, click the other.
            doc.select(-1);
            tool(view, RoiDrawing.Tool.MERGE);
            click(view, 50, 20);
            click(view, 70, 20);
            assertEquals(3, doc.rois().size(), "one object of two");
            assertEquals(count(rectangle), count(edits.mask(doc.rois().get(1))));

            // Fill holes of the ring.
            boolean[] ring = edits.mask(doc.rois().get(2));
            doc.select(2);
            press(view.fillHoles);
            boolean[] filled = edits.mask(doc.rois().get(2));
            assertEquals(count(ring) + 64, count(filled), "the 8 x 8 hole is filled");

            // Each edit was one undo step.
            press(view.undo);
            assertEquals(count(ring), count(edits.mask(doc.rois().get(2))));
        }
    }

    private static int count(boolean[] m) {
        int n = 0;
        for (boolean b : m) {
            n += b ? 1 : 0;
        }
        return n;
    }

    private static boolean contains(boolean[] outer, boolean[] inner) {
        for (int i = 0; i < outer.length; i++) {
            if (inner[i] && !outer[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean disjoint(boolean[] a, boolean[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] && b[i]) {
                return false;
            }
        }
        return true;
    }
}

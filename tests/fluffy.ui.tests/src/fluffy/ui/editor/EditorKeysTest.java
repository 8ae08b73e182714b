package fluffy.ui.editor;

import static fluffy.ui.editor.EditorEvents.mouse;
import static fluffy.ui.editor.EditorEvents.tool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.ui.widgets.SwtFixture;
import ij.IJ;
import ij.ImagePlus;
import ij.process.ShortProcessor;

/** Fiji's keys in the editor: + and - zoom, space with a left drag pans without drawing, t closes a polygon. */
class EditorKeysTest {

    @Test
    void zoomPanAndFinishWithTheKeyboard(@TempDir Path dir) throws Exception {
        ShortProcessor ip = new ShortProcessor(120, 80);
        Path image = dir.resolve("keys.tif");
        IJ.saveAsTiff(new ImagePlus("keys", ip), image.toString());
        try (SwtFixture swt = new SwtFixture(900, 600)) {
            swt.shell.setLayout(new FillLayout());
            AnnotationEditorView view = new AnnotationEditorView(swt.shell, () -> { }, () -> { }, () -> { });
            swt.open();
            view.show(EditorImage.read(image), new RoiDocument(), "");
            swt.flush();
            double zoom = view.canvas().transform().zoom();
            key(view, SWT.KeyDown, '+');
            assertEquals(zoom * 1.25, view.canvas().transform().zoom(), 1e-9, "+ zooms in");
            key(view, SWT.KeyDown, '-');
            assertEquals(zoom, view.canvas().transform().zoom(), 1e-9, "- zooms out");

            tool(view, RoiDrawing.Tool.FREEHAND);
            double before = view.canvas().transform().toScreenX(0);
            key(view, SWT.KeyDown, ' ');
            mouse(view, SWT.MouseDown, 20, 20);
            mouse(view, SWT.MouseMove, 40, 20);
            mouse(view, SWT.MouseMove, 60, 30);
            mouse(view, SWT.MouseUp, 60, 30);
            key(view, SWT.KeyUp, ' ');
            assertNotEquals(before, view.canvas().transform().toScreenX(0), "space + drag pans");
            assertEquals(0, view.document().rois().size(), "and draws nothing");

            tool(view, RoiDrawing.Tool.POLYGON);
            for (double[] p : new double[][] {{20, 20}, {50, 20}, {35, 50}}) {
                mouse(view, SWT.MouseDown, p[0], p[1]);
                mouse(view, SWT.MouseUp, p[0], p[1]);
            }
            key(view, SWT.KeyDown, 't');
            assertEquals(1, view.document().rois().size(), "t finishes the polygon, as Fiji adds a selection");
            assertTrue(view.document().dirty());
        }
    }

    private static void key(AnnotationEditorView view, int type, int code) {
        Event e = new Event();
        e.keyCode = code;
        e.character = (char) code;
        view.canvas().control().notifyListeners(type, e);
    }
}

package fluffy.ui.editor;

import static fluffy.ui.editor.EditorEvents.at;
import static fluffy.ui.editor.EditorEvents.click;
import static fluffy.ui.editor.EditorEvents.drag;
import static fluffy.ui.editor.EditorEvents.mouse;
import static fluffy.ui.editor.EditorEvents.press;
import static fluffy.ui.editor.EditorEvents.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Control;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.core.workspace.Workspace;
import fluffy.io.ImageFormats;
import fluffy.io.prepare.FileReport;
import fluffy.io.prepare.Labelling;
import fluffy.io.rois.LabelMapFiles;
import fluffy.ui.widgets.SwtFixture;
import ij.IJ;
import ij.ImagePlus;
import ij.process.ShortProcessor;

/**
 * The editor driven with mouse events on a real display: draw with the ellipse, freehand and polygon
 * tools, pick and delete, undo; then save as the item's RoiSet.zip and build its label map.
 */
class AnnotationEditorViewTest {

    @Test
    void drawPickDeleteUndoAndSaveAsTheItemsLabelMap(@TempDir Path dir) throws Exception {
        Workspace ws = Workspace.create(dir.resolve("ws"));
        ShortProcessor ip = new ShortProcessor(120, 80);
        for (int i = 0; i < 120 * 80; i++) {
            ip.set(i, 1000 + i % 120);
        }
        java.nio.file.Files.createDirectories(ws.labelingImage("cells").getParent());
        IJ.saveAsTiff(new ImagePlus("cells", ip), ws.labelingImage("cells").toString());
        try (SwtFixture swt = new SwtFixture(900, 600)) {
            swt.shell.setLayout(new FillLayout());
            AnnotationEditorView view = new AnnotationEditorView(swt.shell, () -> { }, () -> { }, () -> { });
            swt.open();
            view.show(EditorImage.read(ws.labelingImage("cells")), new RoiDocument(), "no RoiSet.zip yet");
            swt.flush();
            assertFalse(view.save.isEnabled(), "nothing to save yet");

            tool(view, RoiDrawing.Tool.ELLIPSE);
            drag(view, 10, 10, 30, 25, 1);
            tool(view, RoiDrawing.Tool.FREEHAND);
            Control c = view.canvas().control();
            mouse(view, SWT.MouseDown, 60, 10);
            mouse(view, SWT.MouseMove, 80, 12);
            mouse(view, SWT.MouseMove, 85, 30);
            mouse(view, SWT.MouseMove, 62, 32);
            mouse(view, SWT.MouseUp, 60, 12);
            tool(view, RoiDrawing.Tool.POLYGON);
            click(view, 20, 50);
            click(view, 50, 50);
            click(view, 35, 75);
            c.notifyListeners(SWT.MouseDoubleClick, at(view, 35, 75));
            assertEquals(3, view.document().rois().size());
            assertEquals(3, view.list().rowCount());
            assertTrue(view.save.isEnabled());
            assertTrue(view.status().getText().contains("3 ROIs, not saved"), view.status().getText());
            assertTrue(view.status().getText().endsWith(RoiDrawing.Tool.POLYGON.hint()), "and what the tool does");

            tool(view, RoiDrawing.Tool.SELECT);
            click(view, 20, 17);
            assertEquals(0, view.document().selected(), "the ellipse is picked");
            press(view.delete);
            assertEquals(2, view.list().rowCount());
            press(view.undo);
            assertEquals(3, view.list().rowCount());

            view.document().save(ws.roiSet("cells"));
            FileReport report = new Labelling(ws, false, ImageFormats.platform()).label("cells");
            assertEquals(FileReport.Status.DONE, report.status(), report.line("labelled"));
            assertEquals(3, LabelMapFiles.read(ws.processedMask("cells")).objectCount());
            assertFalse(view.save.isEnabled(), "saved");
        }
    }
}

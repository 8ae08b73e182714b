package fluffy.ui.editor;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.Widget;
import org.eclipse.swt.widgets.Event;

/** SWT events on the Annotation Editor as a user makes them, at image coordinates: tools, buttons, the mouse. */
final class EditorEvents {

    private EditorEvents() {
    }

    static void tool(AnnotationEditorView view, RoiDrawing.Tool tool) {
        view.tools.values().forEach(b -> b.setSelection(false));
        ToolItem b = view.tools.get(tool);
        b.setSelection(true);
        b.notifyListeners(SWT.Selection, new Event());
    }

    static void press(Widget b) {
        b.notifyListeners(SWT.Selection, new Event());
    }

    /** A drag with {@code moves} intermediate mouse moves (at least one). */
    static void drag(AnnotationEditorView view, double x0, double y0, double x1, double y1, int moves) {
        mouse(view, SWT.MouseDown, x0, y0);
        for (int k = 1; k <= moves; k++) {
            mouse(view, SWT.MouseMove, x0 + (x1 - x0) * k / moves, y0 + (y1 - y0) * k / moves);
        }
        mouse(view, SWT.MouseUp, x1, y1);
    }

    static void click(AnnotationEditorView view, double x, double y) {
        mouse(view, SWT.MouseDown, x, y);
        mouse(view, SWT.MouseUp, x, y);
    }

    /** A mouse event at an image point, in the canvas's pixels. */
    static void mouse(AnnotationEditorView view, int type, double x, double y) {
        view.canvas().control().notifyListeners(type, at(view, x, y));
    }

    static Event at(AnnotationEditorView view, double x, double y) {
        Event e = new Event();
        ViewTransform t = view.canvas().transform();
        e.x = (int) Math.round(t.toScreenX(x));
        e.y = (int) Math.round(t.toScreenY(y));
        e.button = 1;
        return e;
    }
}

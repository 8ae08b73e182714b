package fluffy.ui.results;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.widgets.Composite;

import fluffy.ui.widgets.ImageCanvas;
import jakarta.annotation.PostConstruct;

/** The Results Viewer view: predictions over their images (they arrive with prediction). */
public class ResultsViewerPart {

    @PostConstruct
    public void create(Composite parent) {
        GridLayoutFactory.fillDefaults().applyTo(parent);
        ImageCanvas canvas = new ImageCanvas(parent);
        canvas.showMessage("No predictions open.");
        GridDataFactory.fillDefaults().grab(true, true).applyTo(canvas.control());
    }
}

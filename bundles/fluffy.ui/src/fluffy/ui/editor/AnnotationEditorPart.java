package fluffy.ui.editor;

import java.nio.file.Path;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import fluffy.ui.widgets.ImageCanvas;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The Annotation Editor view. For now it shows the image selected in the navigator; drawing tools
 * come with the annotation work. Images are read in a Job so the UI never waits for the disk.
 */
public class AnnotationEditorPart {

    @Inject
    private UISynchronize sync;

    private Label caption;
    private ImageCanvas canvas;
    private Path shown;

    @PostConstruct
    public void create(Composite parent) {
        GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(parent);
        caption = new Label(parent, SWT.NONE);
        caption.setText("No image open");
        GridDataFactory.fillDefaults().grab(true, false).indent(4, 2).applyTo(caption);
        canvas = new ImageCanvas(parent);
        canvas.showMessage("Select an image in the Dataset Navigator");
        GridDataFactory.fillDefaults().grab(true, true).applyTo(canvas.control());
    }

    @Inject
    @Optional
    void selectionChanged(@Named(IServiceConstants.ACTIVE_SELECTION) Path file) {
        if (file == null || file.equals(shown) || canvas == null) {
            return;
        }
        shown = file;
        caption.setText("Opening " + file.getFileName() + "…");
        Job job = Job.create("Opening " + file.getFileName(), monitor -> {
            try {
                ImagePreview preview = ImagePreview.read(file);
                sync.asyncExec(() -> show(file, preview, null));
            } catch (RuntimeException e) {
                sync.asyncExec(() -> show(file, null, e.getMessage()));
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    /** Shows a finished read unless the view is gone or the user has moved on to another file. */
    private void show(Path file, ImagePreview preview, String error) {
        if (canvas.control().isDisposed() || !file.equals(shown)) {
            return;
        }
        if (preview != null) {
            caption.setText(preview.description());
            canvas.setImage(preview.data());
        } else {
            caption.setText(file.getFileName().toString());
            canvas.showMessage(error);
        }
    }

    @Focus
    public void focus() {
        canvas.control().setFocus();
    }
}

package fluffy.ui.navigator;

import java.nio.file.Path;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.swt.widgets.Composite;

import fluffy.ui.FluffyTopics;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** The Dataset Navigator view: the images of a folder; the selected image becomes the selection. */
public class DatasetNavigatorPart {

    @Inject
    private ESelectionService selectionService;

    private ImageFolderView view;

    @PostConstruct
    public void create(Composite parent) {
        view = new ImageFolderView(parent, selectionService::setSelection);
    }

    @Inject
    @Optional
    void openFolder(@UIEventTopic(FluffyTopics.OPEN_FOLDER) Path folder) {
        if (view != null && !view.control().isDisposed()) {
            view.open(folder);
        }
    }

    @Focus
    public void focus() {
        view.control().setFocus();
    }
}

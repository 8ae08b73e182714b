package fluffy.ui.navigator;

import java.nio.file.Path;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.swt.widgets.Composite;

import fluffy.training.RunFolder;
import fluffy.ui.FluffyTopics;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The Dataset Navigator view: a workspace's images by stage, its training runs and predictions. The row
 * selected becomes the workbench selection ({@link fluffy.ui.SelectedItem}, {@link fluffy.ui.SelectedRun},
 * {@link fluffy.ui.SelectedPredictions}), which drives the other views.
 */
public class DatasetNavigatorPart {

    @Inject
    private ESelectionService selectionService;
    @Inject
    private UISynchronize sync;
    @Inject
    private IEventBroker broker;

    private NavigatorView view;

    @PostConstruct
    public void create(Composite parent) {
        WorkbenchActions actions = new WorkbenchActions(parent::getShell, broker, sync::asyncExec, () -> view);
        view = new NavigatorView(parent, sync::asyncExec, RecentWorkspaces.instance(), actions,
                selectionService::setSelection);
    }

    @Inject
    @Optional
    void open(@UIEventTopic(FluffyTopics.OPEN_WORKSPACE) Path folder) {
        if (live()) {
            if (RunFolder.isRun(folder)) {
                view.openRun(folder);
            } else {
                view.open(folder);
            }
        }
    }

    @Inject
    @Optional
    void create(@UIEventTopic(FluffyTopics.CREATE_WORKSPACE) Path folder) {
        if (live()) {
            view.create(folder);
        }
    }

    @Inject
    @Optional
    void select(@UIEventTopic(FluffyTopics.SELECT) String name) {
        if (live() && !view.select(name)) {
            view.showStatus("Nothing named " + name + " in the navigator.", true);
        }
    }

    @Inject
    @Optional
    void changed(@UIEventTopic(FluffyTopics.WORKSPACE_CHANGED) Path root) {
        if (live() && view.workspace() != null && view.workspace().root().equals(root)) {
            view.reload();
        }
    }

    private boolean live() {
        return view != null && !view.control().isDisposed();
    }

    @Focus
    public void focus() {
        view.control().setFocus();
    }
}

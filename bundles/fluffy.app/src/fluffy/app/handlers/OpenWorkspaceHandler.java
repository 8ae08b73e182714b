package fluffy.app.handlers;

import java.nio.file.Path;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Shell;

import fluffy.ui.FluffyTopics;
import jakarta.inject.Named;

/** File › Open Workspace: asks for a workspace (or a run folder) and hands it to the Dataset Navigator. */
public class OpenWorkspaceHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, IEventBroker broker) {
        DirectoryDialog dialog = new DirectoryDialog(shell);
        dialog.setText("Open a Fluffy workspace or a training run folder");
        String chosen = dialog.open();
        if (chosen != null) {
            broker.post(FluffyTopics.OPEN_WORKSPACE, Path.of(chosen));
        }
    }
}

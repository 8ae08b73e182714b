package fluffy.app.handlers;

import java.nio.file.Path;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Shell;

import fluffy.ui.FluffyTopics;
import jakarta.inject.Named;

/** File › New Workspace: asks for a folder, creates Raw/, Labeling/ and Processed/ in it, opens it. */
public class NewWorkspaceHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, IEventBroker broker) {
        DirectoryDialog dialog = new DirectoryDialog(shell);
        dialog.setText("Choose a folder for the new workspace");
        String chosen = dialog.open();
        if (chosen != null) {
            broker.post(FluffyTopics.CREATE_WORKSPACE, Path.of(chosen));
        }
    }
}

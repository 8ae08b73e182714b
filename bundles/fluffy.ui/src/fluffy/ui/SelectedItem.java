package fluffy.ui;

import fluffy.core.workspace.Workspace;
import fluffy.core.workspace.WorkspaceItem;

/** The selection when the user picks one image of a workspace in the Dataset Navigator. */
public record SelectedItem(Workspace workspace, WorkspaceItem item) {

    public String name() {
        return item.name();
    }
}

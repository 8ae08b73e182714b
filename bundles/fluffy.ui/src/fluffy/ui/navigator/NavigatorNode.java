package fluffy.ui.navigator;

import java.nio.file.Path;
import java.util.List;

import fluffy.core.workspace.Workspace;
import fluffy.core.workspace.WorkspaceItem;
import fluffy.ui.SelectedItem;
import fluffy.ui.SelectedPredictions;
import fluffy.ui.SelectedRun;

/** One row of the Dataset Navigator's tree: a group, an image of the workspace, a run or a predictions folder. */
public sealed interface NavigatorNode {

    String label();

    /** The second column: state, counts, scores. */
    String detail();

    /** What the other views are told when this row is selected; null for groups. */
    Object selection();

    /** A heading such as "Labelling (12)". */
    record Group(String label, String detail, List<NavigatorNode> children) implements NavigatorNode {
        public Group {
            children = List.copyOf(children);
        }

        @Override
        public Object selection() {
            return null;
        }
    }

    /** An image of the workspace, listed under the group of one of its stages. */
    record Item(Workspace workspace, WorkspaceItem item, String label, String detail) implements NavigatorNode {
        @Override
        public Object selection() {
            return new SelectedItem(workspace, item);
        }
    }

    /** A training run folder. */
    record Run(Path folder, String label, String detail) implements NavigatorNode {
        @Override
        public Object selection() {
            return new SelectedRun(folder);
        }
    }

    /** A folder of predicted label maps. */
    record Predictions(Path folder, Workspace workspace, String label, String detail) implements NavigatorNode {
        @Override
        public Object selection() {
            return new SelectedPredictions(folder, workspace);
        }
    }
}

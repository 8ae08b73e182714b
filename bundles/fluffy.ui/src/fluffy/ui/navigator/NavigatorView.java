package fluffy.ui.navigator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.eclipse.core.runtime.Status;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Text;

import fluffy.core.workspace.Workspace;
import fluffy.jobs.FluffyJob;
import fluffy.jobs.FluffyJobs;

/**
 * The Dataset Navigator's content: a row to open, create or reopen a workspace (a path typed into the
 * field and Enter works too, which GTK's folder dialog does not always allow), the workspace's tree, the
 * buttons for the next steps, and a status line. The tree is read in a Job; a read that finishes after
 * the user opened another workspace is dropped.
 */
public final class NavigatorView {

    private final Composite root;
    private final Text path;
    private final NavigatorTree tree;
    private final Link status;
    private List<String> report = List.of();
    private final List<Button> workspaceButtons = new ArrayList<>();
    private final Executor ui;
    private final RecentWorkspaces recent;
    private final List<Path> extraRuns = new ArrayList<>();
    private Workspace workspace;
    private int generation;
    private boolean loading;
    private String pendingSelection;

    /**
     * @param ui       runs UI updates on the display thread (the part passes {@code UISynchronize::asyncExec})
     * @param onSelect hears the selection object of every row selected ({@link NavigatorNode#selection()})
     */
    public NavigatorView(Composite parent, Executor ui, RecentWorkspaces recent, NavigatorActions actions,
            Consumer<Object> onSelect) {
        this.ui = ui;
        this.recent = recent;
        root = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(root);
        WorkspaceChooser chooser = new WorkspaceChooser(root, recent, this::open, this::create);
        path = chooser.path();
        GridDataFactory.fillDefaults().grab(true, false).applyTo(chooser.control());
        tree = new NavigatorTree(root, node -> {
            if (node.selection() != null) {
                onSelect.accept(node.selection());
            }
        });
        GridDataFactory.fillDefaults().grab(true, true).hint(300, 200).applyTo(tree.viewer().getControl());
        acceptDroppedFiles(actions);
        Composite buttons = new Composite(root, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(4).equalWidth(false).applyTo(buttons);
        button(buttons, "Import…", "Copy image files into Raw/ (or drop files on the tree)",
                () -> actions.importImages(workspace, List.of()));
        button(buttons, "Prepare…", "Convert the raw images into 2D images to annotate", () -> actions.prepare(workspace));
        button(buttons, "Build Label Maps", "Turn RoiSet.zip and mask files into training pairs",
                () -> actions.buildLabelMaps(workspace));
        button(buttons, "Train…", "Train a model on the processed pairs", () -> actions.train(workspace));
        button(buttons, "Predict…", "Predict objects in the workspace's images with a trained model",
                () -> actions.predict(workspace));
        button(buttons, "Evaluate", "Score the selected predictions folder against the label maps",
                () -> actions.evaluate(workspace, tree.selected() instanceof NavigatorNode.Predictions p ? p.folder() : null));
        button(buttons, "Refresh", "Read the workspace folder again", this::reload);
        status = new Link(root, SWT.WRAP);
        status.addListener(SWT.Selection, e -> new ReportDialog(root.getShell(), report).open());
        status.setText("Open a workspace: a folder with Raw/, Labeling/ and Processed/.");
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(status);
        enableButtons();
    }

    public Control control() {
        return root;
    }

    public Workspace workspace() {
        return workspace;
    }

    /** Opens an existing workspace; a folder that is not one is reported in the status line. */
    public void open(Path dir) {
        try {
            show(Workspace.open(dir.toAbsolutePath().normalize()));
        } catch (IOException e) {
            showStatus(e.getMessage(), true);
        }
    }

    /** Creates the workspace folders (keeping what exists) and opens it. */
    public void create(Path dir) {
        try {
            show(Workspace.create(dir.toAbsolutePath().normalize()));
        } catch (IOException e) {
            showStatus("Cannot create a workspace in " + dir + ": " + e.getMessage(), true);
        }
    }

    /** Adds a run folder from outside the workspace's Runs/ to the tree and selects it. */
    public void openRun(Path runDir) {
        Path dir = runDir.toAbsolutePath().normalize();
        if (!extraRuns.contains(dir)) {
            extraRuns.add(dir);
        }
        reload(() -> tree.select(n -> n instanceof NavigatorNode.Run r && r.folder().equals(dir)));
    }

    /**
     * Selects the first row whose label is {@code name} (an item, a run or a predictions folder). While the
     * tree is being read, the selection waits for it; it then returns true.
     */
    public boolean select(String name) {
        if (loading) {
            pendingSelection = name;
            return true;
        }
        return tree.select(named(name));
    }

    /** Rows labelled {@code name}; {@code Predictions/<name>} only the predictions folder (a run may share its name). */
    static java.util.function.Predicate<NavigatorNode> named(String name) {
        String folder = Workspace.PREDICTIONS + "/";
        if (name.startsWith(folder)) {
            String label = name.substring(folder.length());
            return n -> n instanceof NavigatorNode.Predictions && n.label().equals(label);
        }
        return n -> n.label().equals(name);
    }

    public void showStatus(String text, boolean error) {
        showReport(text, List.of(), error);
    }

    /** A status line with a link to the whole report of a step, one line per file. */
    public void showReport(String summary, List<String> lines, boolean error) {
        if (status.isDisposed()) {
            return;
        }
        report = List.copyOf(lines);
        // A Link reads '&' as a mnemonic and '<a>' as markup; file names may contain either.
        String text = summary.replace("&", "&&").replace("<", "‹");
        status.setText(lines.isEmpty() ? text : text + "  <a>Show report</a>");
        status.setToolTipText(summary);
        status.setForeground(error ? root.getDisplay().getSystemColor(SWT.COLOR_RED) : null);
        root.layout(true);
    }

    /** Reads the open workspace again, e.g. after a job changed it. */
    public void reload() {
        reload(() -> { });
    }

    private void reload(Runnable then) {
        if (workspace == null && extraRuns.isEmpty()) {
            then.run();
            return;
        }
        Workspace ws = workspace;
        int mine = ++generation;
        loading = true;
        List<Path> runs = List.copyOf(extraRuns);
        FluffyJob job = FluffyJob.of("Reading " + (ws == null ? "run folders" : ws.root()), FluffyJobs.READING, null, monitor -> {
            try {
                List<NavigatorNode.Group> groups = WorkspaceContents.read(ws, runs);
                ui.execute(() -> apply(mine, groups, null, then));
            } catch (IOException | RuntimeException e) {
                ui.execute(() -> apply(mine, List.of(), e.getMessage(), then));
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    private void apply(int mine, List<NavigatorNode.Group> groups, String problem, Runnable then) {
        if (root.isDisposed() || mine != generation) {
            return;
        }
        loading = false;
        tree.setGroups(groups);
        if (pendingSelection != null) {
            String name = pendingSelection;
            pendingSelection = null;
            if (!tree.select(named(name))) {
                showStatus("Nothing named " + name + " in the navigator.", true);
                return;
            }
        }
        if (problem != null) {
            showStatus(problem, true);
        } else if (status.getText().startsWith("Reading")) {
            showStatus(counts(groups), false);
        }
        then.run();
    }

    private void show(Workspace ws) {
        workspace = ws;
        path.setText(ws.root().toString());
        recent.remember(ws.root());
        enableButtons();
        showStatus("Reading " + ws.root() + "…", false);
        reload();
    }

    private static String counts(List<NavigatorNode.Group> groups) {
        return String.join(", ", groups.stream().map(g -> g.label().toLowerCase(java.util.Locale.ROOT)).toList());
    }

    private void enableButtons() {
        workspaceButtons.forEach(b -> b.setEnabled(workspace != null && Files.isDirectory(workspace.root())));
    }

    /** Files dropped on the tree are imported into the open workspace's Raw/. */
    private void acceptDroppedFiles(NavigatorActions actions) {
        DropTarget target = new DropTarget(tree.viewer().getControl(), DND.DROP_COPY | DND.DROP_DEFAULT);
        target.setTransfer(FileTransfer.getInstance());
        target.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent event) {
                event.detail = workspace == null ? DND.DROP_NONE : DND.DROP_COPY;
            }

            @Override
            public void drop(DropTargetEvent event) {
                if (workspace != null && event.data instanceof String[] names) {
                    actions.importImages(workspace, java.util.Arrays.stream(names).map(Path::of).toList());
                }
            }
        });
    }

    private void button(Composite parent, String text, String tip, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setToolTipText(tip);
        b.addListener(SWT.Selection, e -> action.run());
        workspaceButtons.add(b);
    }

    NavigatorTree tree() {
        return tree;
    }

    Link status() {
        return status;
    }

    List<Button> buttons() {
        return workspaceButtons;
    }
}

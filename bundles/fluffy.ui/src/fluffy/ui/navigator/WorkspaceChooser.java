package fluffy.ui.navigator;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Text;

/** The row above the tree: Open…, New…, Recent ▾ and the workspace path, which can be typed. */
final class WorkspaceChooser {

    private final Composite row;
    private final Text path;

    WorkspaceChooser(Composite parent, RecentWorkspaces recent, Consumer<Path> open, Consumer<Path> create) {
        row = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(4).applyTo(row);
        push("Open…", "Open a workspace folder", () -> choose("Open a Fluffy workspace", open));
        push("New…", "Create Raw/, Labeling/ and Processed/ in a folder and open it",
                () -> choose("Choose a folder for the new workspace", create));
        Button recentButton = push("Recent ▾", "Workspaces opened before", () -> { });
        recentButton.addListener(SWT.Selection, e -> showRecent(recentButton, recent, open));
        path = new Text(row, SWT.BORDER | SWT.SINGLE);
        path.setMessage("workspace folder; type a path and press Enter");
        path.addListener(SWT.DefaultSelection, e -> {
            String text = path.getText().strip();
            if (!text.isEmpty()) {
                open.accept(Path.of(text));
            }
        });
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(path);
    }

    Control control() {
        return row;
    }

    Text path() {
        return path;
    }

    private void showRecent(Button anchor, RecentWorkspaces recent, Consumer<Path> open) {
        Menu menu = new Menu(anchor);
        if (recent.list().isEmpty()) {
            MenuItem none = new MenuItem(menu, SWT.PUSH);
            none.setText("(none yet)");
            none.setEnabled(false);
        }
        for (Path p : recent.list()) {
            MenuItem item = new MenuItem(menu, SWT.PUSH);
            item.setText(p.toString());
            item.addListener(SWT.Selection, e -> open.accept(p));
        }
        // A fresh menu per click, so it lists what was opened since; it goes when it closes.
        menu.addListener(SWT.Hide, e -> menu.getDisplay().asyncExec(menu::dispose));
        Point at = anchor.toDisplay(0, anchor.getSize().y);
        menu.setLocation(at);
        menu.setVisible(true);
    }

    private void choose(String title, Consumer<Path> then) {
        DirectoryDialog dialog = new DirectoryDialog(row.getShell());
        dialog.setText(title);
        if (!path.getText().isBlank()) {
            dialog.setFilterPath(path.getText());
        }
        String chosen = dialog.open();
        if (chosen != null) {
            then.accept(Path.of(chosen));
        }
    }

    private Button push(String text, String tip, Runnable action) {
        Button b = new Button(row, SWT.PUSH);
        b.setText(text);
        b.setToolTipText(tip);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }
}

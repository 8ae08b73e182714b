package fluffy.ui.navigator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;

import fluffy.core.image.ImageFiles;

/**
 * The image files of one folder, with an "Open Folder" button. Selecting a file reports it to the
 * listener. Plain SWT/JFace, so tests build and drive it without a workbench.
 */
public final class ImageFolderView {

    private static final DateTimeFormatter MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final Composite root;
    private final Label status;
    private final TableViewer viewer;
    private Path folder;

    public ImageFolderView(Composite parent, Consumer<Path> onSelect) {
        root = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).margins(4, 4).applyTo(root);

        Button open = new Button(root, SWT.PUSH);
        open.setText("Open Folder…");
        open.addListener(SWT.Selection, e -> chooseFolder());
        status = new Label(root, SWT.WRAP);
        status.setText("No folder open.");
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(status);

        viewer = new TableViewer(root, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column("Name", 220, p -> p.getFileName().toString());
        column("Size", 80, p -> humanSize(sizeOf(p)));
        column("Modified", 130, ImageFolderView::modified);
        viewer.addSelectionChangedListener(e -> {
            Object first = ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (first instanceof Path file) {
                onSelect.accept(file);
            }
        });
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(viewer.getControl());
    }

    public Control control() {
        return root;
    }

    /** The folder shown, or {@code null}. */
    public Path folder() {
        return folder;
    }

    /** The image files listed, in display order. */
    public List<Path> images() {
        Object input = viewer.getInput();
        return input instanceof List<?> list ? list.stream().map(Path.class::cast).toList() : List.of();
    }

    /** Lists the image files of {@code dir}; a folder that cannot be read is reported in the view. */
    public void open(Path dir) {
        try {
            List<Path> images = ImageFiles.list(dir);
            folder = dir;
            viewer.setInput(images);
            status.setText(dir + "  (" + images.size() + (images.size() == 1 ? " image)" : " images)"));
            status.setForeground(null);
        } catch (IOException e) {
            viewer.setInput(List.of());
            folder = null;
            status.setText(e.getMessage());
            status.setForeground(root.getDisplay().getSystemColor(SWT.COLOR_RED));
        }
        status.setToolTipText(status.getText());
        root.layout(true);
    }

    TableViewer viewer() {
        return viewer;
    }

    Label status() {
        return status;
    }

    private void chooseFolder() {
        DirectoryDialog dialog = new DirectoryDialog(root.getShell());
        dialog.setText("Open a folder of images");
        if (folder != null) {
            dialog.setFilterPath(folder.toString());
        }
        String chosen = dialog.open();
        if (chosen != null) {
            open(Path.of(chosen));
        }
    }

    private void column(String title, int width, Function<Path, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Path) element);
            }
        });
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String modified(Path file) {
        try {
            Instant time = Files.getLastModifiedTime(file).toInstant();
            return MODIFIED.format(time);
        } catch (IOException e) {
            return "";
        }
    }

    static String humanSize(long bytes) {
        if (bytes < 0) {
            return "?";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        do {
            value /= 1024;
            unit++;
        } while (value >= 1024 && unit < units.length - 1);
        return String.format(value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }
}

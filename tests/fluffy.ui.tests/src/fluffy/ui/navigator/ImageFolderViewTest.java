package fluffy.ui.navigator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.ui.widgets.SwtFixture;
import ij.IJ;
import ij.ImagePlus;
import ij.process.ShortProcessor;

class ImageFolderViewTest {

    @TempDir
    Path dir;

    private void writeTiff(String name, int size) {
        IJ.saveAsTiff(new ImagePlus(name, new ShortProcessor(size, size)), dir.resolve(name).toString());
    }

    @Test
    void listsTheImagesOfAFolderAndReportsTheSelection() throws IOException {
        writeTiff("well10.tif", 64);
        writeTiff("well2.tif", 32);
        writeTiff("well1.tif", 16);
        Files.writeString(dir.resolve("notes.txt"), "not an image");
        List<Path> selected = new ArrayList<>();
        try (SwtFixture swt = new SwtFixture(600, 400)) {
            swt.shell.setLayout(new FillLayout());
            ImageFolderView view = new ImageFolderView(swt.shell, selected::add);
            swt.open();

            view.open(dir);
            swt.flush();

            Table table = view.viewer().getTable();
            assertEquals(3, table.getItemCount());
            assertEquals(List.of("well1.tif", "well2.tif", "well10.tif"),
                    List.of(table.getItem(0).getText(0), table.getItem(1).getText(0), table.getItem(2).getText(0)));
            assertTrue(table.getItem(2).getText(1).endsWith("KB"), "size column: " + table.getItem(2).getText(1));
            assertTrue(view.status().getText().endsWith("(3 images)"), view.status().getText());

            view.viewer().setSelection(new StructuredSelection(dir.resolve("well2.tif")), true);
            assertEquals(List.of(dir.resolve("well2.tif")), selected);
        }
    }

    @Test
    void aFolderThatCannotBeReadIsReportedInTheView() {
        try (SwtFixture swt = new SwtFixture(600, 400)) {
            swt.shell.setLayout(new FillLayout());
            ImageFolderView view = new ImageFolderView(swt.shell, p -> { });
            swt.open();
            Path missing = dir.resolve("gone");
            view.open(missing);
            assertEquals("Folder does not exist: " + missing, view.status().getText());
            assertEquals(swt.display.getSystemColor(SWT.COLOR_RED), view.status().getForeground());
            assertEquals(0, view.viewer().getTable().getItemCount());
            assertNull(view.folder());
        }
    }

    @Test
    void listsTheRealNucleiDataset() {
        Path images = SwtFixture.sharedData("dsb2018-fluo/images");
        assumeTrue(images != null, "../shared/data/dsb2018-fluo is absent in this checkout; skipped");
        try (SwtFixture swt = new SwtFixture(600, 400)) {
            swt.shell.setLayout(new FillLayout());
            ImageFolderView view = new ImageFolderView(swt.shell, p -> { });
            swt.open();
            view.open(images);
            assertEquals(100, view.images().size());
        }
    }

    @Test
    void humanSizes() {
        assertEquals("512 B", ImageFolderView.humanSize(512));
        assertEquals("1.5 KB", ImageFolderView.humanSize(1536));
        assertEquals("20 MB", ImageFolderView.humanSize(20L << 20));
        assertEquals("?", ImageFolderView.humanSize(-1));
    }
}

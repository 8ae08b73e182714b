package fluffy.ui.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.core.labels.LabelMap;
import fluffy.core.workspace.Workspace;
import fluffy.inference.PredictionsFolder;
import fluffy.io.rois.LabelMapFiles;
import fluffy.ui.widgets.SwtFixture;
import fluffy.ui.widgets.TestWorkspaces;

/**
 * Predictions on real nuclei images, written as files into a workspace: the viewer scores every image
 * against the ground truth, shows one, and colours a false positive red when asked to compare.
 */
class ResultsViewTest {

    @Test
    void scoresEveryImageAndColoursTheComparison(@TempDir Path dir) throws Exception {
        List<String> stems = TestWorkspaces.dsbStems(2);
        assumeTrue(stems.size() == 2, "../shared/data/dsb2018-fluo is absent in this checkout; skipped");
        Workspace ws = Workspace.create(dir.resolve("ws"));
        Path predictions = Files.createDirectories(ws.root().resolve("Predictions/model-a"));
        LabelMap changed = null;
        for (String s : stems) {
            Files.copy(TestWorkspaces.dsbImage(s), ws.processedImage(s));
            Files.copy(TestWorkspaces.dsbMask(s), ws.processedMask(s));
            LabelMap truth = LabelMapFiles.read(TestWorkspaces.dsbMask(s));
            LabelMap predicted = s.equals(stems.get(0)) ? TestWorkspaces.edited(truth, 1, 0, 0, 12) : truth;
            changed = changed == null ? predicted : changed;
            LabelMapFiles.writeTiff(predicted, predictions.resolve(s + ".tif"));
        }
        Files.writeString(predictions.resolve(stems.get(0) + "_objects.csv"), "companions are not label maps");
        LabelMap truth0 = LabelMapFiles.read(TestWorkspaces.dsbMask(stems.get(0)));
        Comparison expected = Comparison.of(truth0, changed);

        try (SwtFixture swt = new SwtFixture(1000, 800)) {
            swt.shell.setLayout(new FillLayout());
            ResultsView view = new ResultsView(swt.shell, swt.display::asyncExec);
            swt.open();
            view.open(PredictionsFolder.of(predictions, ws), null);
            assertTrue(swt.waitUntil(() -> stems.get(0).equals(view.shownStem()), 30_000), "the first image is shown");

            List<MetricsRow> rows = view.table().rows();
            assertEquals(stems, rows.stream().map(MetricsRow::stem).toList());
            assertEquals(Integer.toString(expected.matching().falsePositives()), rows.get(0).cell(4));
            assertEquals(Integer.toString(expected.matching().falseNegatives()), rows.get(0).cell(5));
            assertTrue(expected.matching().falsePositives() >= 1 && expected.matching().falseNegatives() >= 1);
            assertEquals("1.000", rows.get(1).cell(8), "a perfect prediction");
            assertEquals("1.000", rows.get(1).cell(10), "mean AP over 0.5 … 0.95 of a perfect prediction");
            assertTrue(view.table().total().getText().startsWith("2 images, 2 with ground truth at IoU 0.50: TP "),
                    view.table().total().getText());
            assertColumnsFit(view, swt, 1000, List.of());
            // The viewer's width at 1280 x 800: the table fits by giving up the least needed columns, not by
            // scrolling sideways; F1, AP and the counts stay.
            assertColumnsFit(view, swt, 420, List.of("Mean IoU", "Mean AP"));
            swt.shell.setSize(1000, 800);
            swt.shell.layout(true, true);

            view.controls().mode.select(1);
            view.controls().opacity.setSelection(100);
            view.controls().compare.setSelection(true);
            view.controls().compare.notifyListeners(SWT.Selection, new Event());
            view.controls().split.setSelection(0);
            view.controls().split.notifyListeners(SWT.Selection, new Event());
            // The added square (0..11, 0..11) is a false positive: red where it does not touch a true object.
            int x = 3;
            int y = 3;
            assertEquals(changed.maxLabel(), changed.get(x, y));
            Rectangle b = view.canvas().imageBounds();
            ImageData shown = swt.snapshot(view.canvas().control());
            int cx = b.x + (int) ((x + 0.5) * b.width / changed.width());
            int cy = b.y + (int) ((y + 0.5) * b.height / changed.height());
            RGB pixel = shown.palette.getRGB(shown.getPixel(cx, cy));
            assertTrue(pixel.red > 200 && pixel.green < 100 && pixel.blue < 100, "false positive in red: " + pixel);

            // The review queue: Next doubtful outlines the most doubtful object in yellow and says why.
            assertTrue(view.reviewButton().isEnabled());
            view.reviewButton().notifyListeners(SWT.Selection, new Event());
            assertTrue(view.status().getText().startsWith("Review 1 of " + changed.objectCount() + ": object "),
                    view.status().getText());
            int label = view.reviewedLabel();
            int[] edge = edgePixel(changed, label);
            ImageData reviewed = swt.snapshot(view.canvas().control());
            RGB yellow = reviewed.palette.getRGB(reviewed.getPixel(b.x + (int) ((edge[0] + 0.5) * b.width / changed.width()),
                    b.y + (int) ((edge[1] + 0.5) * b.height / changed.height())));
            assertTrue(yellow.red > 200 && yellow.green > 200 && yellow.blue < 100, "its edge in yellow: " + yellow);
            view.reviewButton().notifyListeners(SWT.Selection, new Event());
            assertTrue(view.status().getText().startsWith("Review 2 of "), view.status().getText());

            view.show(stems.get(1));
            assertTrue(swt.waitUntil(() -> stems.get(1).equals(view.shownStem()), 30_000));

            Path target = dir.resolve("exported");
            view.export(target).join();
            for (String st : stems) {
                for (String file : List.of(st + ".tif", st + "_mask.png", st + "_RoiSet.zip", st + ".geojson")) {
                    assertTrue(Files.isRegularFile(target.resolve(file)), file);
                }
            }
            assertEquals(changed.objectCount(), LabelMapFiles.read(target.resolve(stems.get(0) + ".tif")).objectCount());
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(target.resolve(stems.get(0) + "_RoiSet.zip").toFile())) {
                assertEquals(changed.objectCount(), zip.size(), "one ROI per object");
            }
            String geojson = Files.readString(target.resolve(stems.get(0) + ".geojson"));
            assertEquals(changed.objectCount(), geojson.split("\"type\": \"Feature\"", -1).length - 1,
                    "one GeoJSON feature per object");
            assertTrue(geojson.contains("\"mean_intensity\": "), "measured on the image found beside it");
            assertTrue(swt.waitUntil(() -> view.status().getText().startsWith("Exported 2 of 2 predictions"), 10_000),
                    view.status().getText());
        }
    }

    private static void assertColumnsFit(ResultsView view, SwtFixture swt, int width, List<String> hidden) {
        swt.shell.setSize(width, 800);
        swt.shell.layout(true, true);
        swt.waitUntil(() -> false, 300);
        org.eclipse.swt.widgets.Table table = view.table().viewer().getTable();
        int sum = 0;
        List<String> shown = new java.util.ArrayList<>();
        for (org.eclipse.swt.widgets.TableColumn c : table.getColumns()) {
            sum += c.getWidth();
            if (c.getWidth() > 0) {
                shown.add(c.getText());
            }
        }
        assertTrue(sum <= table.getClientArea().width, width + " px: columns " + sum + " px in " + table.getClientArea().width);
        assertTrue(shown.containsAll(List.of("Image", "TP", "FP", "FN", "F1", "AP")), width + " px: " + shown);
        for (String h : hidden) {
            assertTrue(!shown.contains(h), width + " px: " + h + " hidden, shown " + shown);
        }
        if (hidden.isEmpty()) {
            assertEquals(MetricsRow.COLUMNS.length, shown.size(), width + " px: every column");
        }
    }

    /** A pixel of {@code label} with a 4-neighbour of another label (or the image edge). */
    private static int[] edgePixel(LabelMap map, int label) {
        for (int y = 0; y < map.height(); y++) {
            for (int x = 0; x < map.width(); x++) {
                if (map.get(x, y) == label && (x == 0 || map.get(x - 1, y) != label || x == map.width() - 1
                        || map.get(x + 1, y) != label)) {
                    return new int[] {x, y};
                }
            }
        }
        throw new IllegalStateException("no label " + label);
    }

    @Test
    void aFolderOnItsOwnFindsImagesAndMasksBesideIt(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("images"));
        Files.createDirectories(dir.resolve("masks"));
        Path out = Files.createDirectories(dir.resolve("predictions"));
        Files.writeString(dir.resolve("images/a.png"), "");
        Files.writeString(dir.resolve("masks/a.tif"), "");
        Files.writeString(out.resolve("a.tif"), "");
        Files.writeString(out.resolve("a_probabilities.tif"), "");
        Files.writeString(out.resolve("b.tif"), "");
        PredictionsFolder folder = PredictionsFolder.of(out, null);
        assertEquals(List.of("a", "b"), folder.stems());
        PredictionsFolder.Sources a = folder.sources("a");
        assertEquals(dir.resolve("images/a.png"), a.image().orElseThrow());
        assertEquals(dir.resolve("masks/a.tif"), a.truth().orElseThrow());
        assertTrue(folder.sources("b").image().isEmpty());
    }
}

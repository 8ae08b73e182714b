package fluffy.ui.editor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.gui.Roi;
import ij.io.RoiDecoder;
import ij.process.FloatPolygon;

/** ROIs drawn through the editor's model, undone and redone, saved, and read back by ImageJ itself. */
class RoiDocumentTest {

    private static Roi polygon() {
        RoiDrawing d = new RoiDrawing(RoiDrawing.Tool.POLYGON);
        assertNull(d.press(10, 10, 2));
        assertNull(d.press(40, 12, 2));
        assertNull(d.press(30, 35, 2));
        return d.press(10.5, 10.5, 2); // a click on the first vertex closes it
    }

    private static Roi freehand() {
        RoiDrawing d = new RoiDrawing(RoiDrawing.Tool.FREEHAND);
        d.press(60, 60, 2);
        for (int i = 1; i <= 36; i++) {
            double a = i * Math.PI / 18;
            d.move(70 + 10 * Math.cos(a + Math.PI), 60 + 10 * Math.sin(a + Math.PI));
        }
        return d.release(60, 60.2);
    }

    private static Roi ellipse() {
        RoiDrawing d = new RoiDrawing(RoiDrawing.Tool.ELLIPSE);
        d.press(100, 20, 2);
        d.move(120, 30);
        return d.release(124, 36);
    }

    @Test
    void aLabelMapMadeElsewhereOpensAsOneRoiPerObjectThatSavesAsAnnotation(@TempDir Path dir) throws Exception {
        fluffy.core.labels.LabelMap labels = fluffy.core.labels.LabelMap.empty(40, 30);
        for (int y = 2; y < 10; y++) {
            for (int x = 3; x < 12; x++) {
                labels.labels()[y * 40 + x] = 7; // labels need not be 1..n
            }
        }
        for (int y = 15; y < 28; y++) {
            for (int x = 20; x < 35; x++) {
                labels.labels()[y * 40 + x] = 2;
            }
        }
        RoiDocument doc = RoiDocument.ofLabelMap(labels);
        assertEquals(2, doc.rois().size());
        assertFalse(doc.dirty(), "unedited, it says what the label map says");
        assertEquals(9 * 8, doc.rois().get(1).getContainedPoints().length, "label 7's pixels exactly");
        Path saved = dir.resolve("RoiSet.zip");
        doc.save(saved);
        assertEquals(2, RoiDocument.read(saved).rois().size());
    }

    @Test
    void entriesTheReaderRefusesAreListedWithTheirReason(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("hostile.zip");
        try (var out = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(zip))) {
            byte[] roi = ij.io.RoiEncoder.saveAsByteArray(polygon());
            for (String name : List.of("good.roi", "../evil.roi")) {
                out.putNextEntry(new ZipEntry(name));
                out.write(roi);
                out.closeEntry();
            }
        }
        RoiDocument doc = RoiDocument.read(zip);
        assertEquals(1, doc.rois().size());
        assertEquals(1, doc.ignored().size());
        assertTrue(doc.ignoredNote().contains("1 entry ignored (../evil.roi: unsafe entry name"), doc.ignoredNote());
    }

    @Test
    void toolsMakeImageJRoiTypes() {
        assertEquals(Roi.POLYGON, polygon().getType());
        assertEquals(3, polygon().getFloatPolygon().npoints);
        assertEquals(Roi.FREEROI, freehand().getType());
        assertEquals(Roi.OVAL, ellipse().getType());
        assertEquals(new java.awt.Rectangle(100, 20, 24, 16), ellipse().getBounds());
        RoiDrawing tiny = new RoiDrawing(RoiDrawing.Tool.ELLIPSE);
        tiny.press(5, 5, 2);
        assertNull(tiny.release(6, 6), "a click is not an object");
    }

    @Test
    void undoRedoDeleteAndPicking() {
        RoiDocument doc = new RoiDocument();
        List<String> events = new ArrayList<>();
        doc.addListener(() -> events.add("changed"));
        doc.add(polygon());
        doc.add(freehand());
        doc.add(ellipse());
        assertEquals(3, doc.rois().size());
        assertEquals(2, doc.selected(), "a new ROI is selected");
        assertTrue(doc.dirty());
        assertEquals(1, doc.hit(65, 60), "inside the freehand circle");
        assertEquals(-1, doc.hit(200, 200));
        doc.select(1);
        doc.deleteSelected();
        assertEquals(2, doc.rois().size());
        assertEquals(Roi.OVAL, doc.rois().get(1).getType());
        doc.undo();
        assertEquals(3, doc.rois().size());
        assertEquals(Roi.FREEROI, doc.rois().get(1).getType());
        doc.redo();
        assertEquals(2, doc.rois().size());
        assertFalse(doc.canRedo());
        doc.undo();
        doc.undo();
        assertEquals(2, doc.rois().size(), "before the ellipse");
        doc.add(ellipse());
        assertFalse(doc.canRedo(), "a new change ends the redo history");
        assertTrue(events.size() >= 8);
    }

    @Test
    void savedRoisReadBackByImageJWithTheSameGeometry(@TempDir Path dir) throws Exception {
        RoiDocument doc = new RoiDocument();
        doc.add(polygon());
        doc.add(freehand());
        doc.add(ellipse());
        Path zip = dir.resolve("RoiSet.zip");
        doc.save(zip);
        assertFalse(doc.dirty());
        List<Roi> decoded = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(file.entries())) {
                names.add(entry.getName());
                try (InputStream in = file.getInputStream(entry)) {
                    decoded.add(new RoiDecoder(in.readAllBytes(), entry.getName()).getRoi());
                }
            }
        }
        // Named as Fiji's ROI Manager names them: the centre of the bounds, yyyy-xxxx.
        List<String> expected = doc.rois().stream().map(r -> r.getBounds()).map(b -> String.format("%04d-%04d.roi",
                b.y + b.height / 2, b.x + b.width / 2)).toList();
        assertEquals(expected, names);
        for (int i = 0; i < 3; i++) {
            Roi drawn = doc.rois().get(i);
            Roi read = decoded.get(i);
            assertEquals(drawn.getType(), read.getType(), names.get(i));
            assertEquals(drawn.getBounds(), read.getBounds(), names.get(i));
            FloatPolygon a = drawn.getFloatPolygon();
            FloatPolygon b = read.getFloatPolygon();
            assertEquals(a.npoints, b.npoints, names.get(i));
            assertArrayEquals(java.util.Arrays.copyOf(a.xpoints, a.npoints), java.util.Arrays.copyOf(b.xpoints, b.npoints),
                    0.01f, names.get(i));
            assertArrayEquals(java.util.Arrays.copyOf(a.ypoints, a.npoints), java.util.Arrays.copyOf(b.ypoints, b.npoints),
                    0.01f, names.get(i));
        }
        RoiDocument again = RoiDocument.read(zip);
        assertEquals(3, again.rois().size());
        assertFalse(again.dirty());
    }

    @Test
    void zoomingKeepsThePointUnderTheCursor() {
        ViewTransform t = new ViewTransform();
        t.fit(400, 300, 200, 100);
        assertEquals(2, t.zoom());
        assertEquals(50, t.toScreenY(0), 1e-9, "centred vertically");
        double ix = t.toImageX(123);
        double iy = t.toImageY(77);
        t.zoomAt(1.25, 123, 77);
        assertEquals(ix, t.toImageX(123), 1e-9);
        assertEquals(iy, t.toImageY(77), 1e-9);
        t.pan(10, -5);
        assertEquals(ix, t.toImageX(133), 1e-9);
    }
}

package fluffy.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.core.synthetic.SyntheticNuclei;
import fluffy.inference.PredictionModel;
import fluffy.inference.Predictor;
import fluffy.inference.TileSettings;
import fluffy.io.SyntheticPairs;
import fluffy.models.ModelTypes;
import fluffy.runtime.session.SessionSettings;
import fluffy.ui.widgets.SwtFixture;
import ij.gui.OvalRoi;
import ij.gui.Roi;

/**
 * Predict ROIs on a region: zoomed in, the part of the image in view is predicted (the default model on a
 * synthetic image), its objects lie in that region with the model's doubt, and they replace only the ROIs
 * there.
 */
class RegionPredictionTest {

    @Test
    void theRegionInViewIsPredictedAndOnlyItsRoisReplaced(@TempDir Path dir) throws Exception {
        SyntheticNuclei.Sample s = new SyntheticNuclei(SyntheticNuclei.Settings.nuclei(512, 400)).generate(31);
        Path image = dir.resolve("nuclei.tif");
        SyntheticPairs.write(s, image, dir.resolve("mask.tif"));
        try (SwtFixture swt = new SwtFixture(900, 700)) {
            swt.shell.setLayout(new FillLayout());
            AnnotationEditorView view = new AnnotationEditorView(swt.shell, () -> { }, () -> { }, () -> { });
            swt.open();
            RoiDocument doc = new RoiDocument();
            doc.add(new OvalRoi(5, 5, 10, 10));
            view.show(EditorImage.read(image), doc, "");
            swt.flush();
            assertNull(view.visibleRegion(), "fitted: the whole image is in view");
            for (int k = 0; k < 3; k++) {
                Event e = new Event();
                e.keyCode = '+';
                view.canvas().control().notifyListeners(SWT.KeyDown, e);
            }
            Rectangle region = view.visibleRegion();
            assertNotNull(region, "zoomed in: a part of the image");
            assertTrue(region.width < 512 && region.height < 400 && region.x > 0 && region.y > 0, region.toString());

            PredictionModel model = PredictionModel.read(fluffy.inference.DefaultModel.orDefault(null),
                    ModelTypes::require);
            List<Roi> found;
            try (Predictor p = new Predictor(model, SessionSettings.cpu(), TileSettings.wholeImage())) {
                found = RegionPrediction.objects(p, view.image().planes(model.channels()), region,
                        new NullProgressMonitor());
            }
            assertTrue(found.size() >= 3, "the region holds nuclei: " + found.size());
            Rectangle grown = new Rectangle(region.x - 1, region.y - 1, region.width + 2, region.height + 2);
            for (Roi r : found) {
                assertTrue(grown.contains(r.getBounds()), r.getBounds() + " within " + region);
                assertNotNull(r.getProperty(PredictedRois.DOUBT), "each with the model's doubt");
            }
            doc.add(new OvalRoi(region.x + 10, region.y + 10, 8, 8)); // inside: replaced
            view.regionPredicted(region, found, "");
            assertEquals(found.size() + 1, doc.rois().size(), "the ROI outside stays, the one inside goes");
            assertEquals(new Rectangle(5, 5, 10, 10), doc.rois().get(0).getBounds());
            assertTrue(view.status().getText().contains(found.size() + " objects predicted in the region"),
                    view.status().getText());
        }
    }
}

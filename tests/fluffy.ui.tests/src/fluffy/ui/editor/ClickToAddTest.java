package fluffy.ui.editor;

import static fluffy.ui.editor.EditorEvents.click;
import static fluffy.ui.editor.EditorEvents.tool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.swt.layout.FillLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.core.labels.LabelMap;
import fluffy.core.synthetic.SyntheticNuclei;
import fluffy.inference.PredictionModel;
import fluffy.inference.Predictor;
import fluffy.inference.TileSettings;
import fluffy.io.SyntheticPairs;
import fluffy.models.ModelTypes;
import fluffy.runtime.session.SessionSettings;
import fluffy.ui.widgets.SwtFixture;

/**
 * Click to add with the bundled default model on a synthetic nuclei image: a click in a nucleus gives that
 * nucleus (IoU above 0.5 with the truth), a click on background gives nothing, and on a real display the
 * tool's click reaches the finder with the image pixel clicked and the found object joins the ROIs.
 */
class ClickToAddTest {

    @Test
    void aClickInANucleusAddsThatNucleus(@TempDir Path dir) throws Exception {
        SyntheticNuclei.Sample s = new SyntheticNuclei(SyntheticNuclei.Settings.nuclei(512, 512)).generate(77);
        LabelMap truth = s.labels();
        PredictionModel model = PredictionModel.read(fluffy.inference.DefaultModel.orDefault(null),
                ModelTypes::require);
        List<int[]> centres = centres(truth);
        int found = 0;
        int wholeFound = 0;
        int tried = 0;
        try (Predictor p = new Predictor(model, SessionSettings.cpu(), TileSettings.wholeImage())) {
            // What the model finds predicting the whole image: the reference for a window's answer.
            LabelMap whole = p.segment(s.image(), fluffy.inference.PostProcessing.DEFAULT, false,
                    new NullProgressMonitor()).labels();
            for (int[] c : centres.subList(0, Math.min(12, centres.size()))) {
                boolean[] mask = ClickToAdd.objectAt(p, List.of(s.image()), c[1], c[2], new NullProgressMonitor());
                tried++;
                if (mask != null && iou(mask, truth, c[0]) > 0.5) {
                    found++;
                }
                int label = ClickToAdd.nearestLabel(whole, c[1], c[2]);
                if (label != 0 && iou(maskOf(whole, label), truth, c[0]) > 0.5) {
                    wholeFound++;
                }
            }
            int[] background = background(truth);
            assertNull(ClickToAdd.objectAt(p, List.of(s.image()), background[0], background[1],
                    new NullProgressMonitor()), "no object far from every nucleus");
        }
        System.out.printf("click to add: %d of %d clicks gave their nucleus (IoU > 0.5), the whole-image prediction %d%n",
                found, tried, wholeFound);
        assertTrue(found >= wholeFound - 1 && found >= tried / 2, found + " of " + tried + " clicks gave their "
                + "nucleus, the whole-image prediction " + wholeFound);

        // On the display: the tool's click is the image pixel, and what is found is added as a ROI.
        Path image = dir.resolve("nuclei.tif");
        SyntheticPairs.write(s, image, dir.resolve("mask.tif"));
        try (SwtFixture swt = new SwtFixture(900, 700)) {
            swt.shell.setLayout(new FillLayout());
            AnnotationEditorView view = new AnnotationEditorView(swt.shell, () -> { }, () -> { }, () -> { });
            swt.open();
            view.show(EditorImage.read(image), new RoiDocument(), "");
            swt.flush();
            int[] c = centres.get(0);
            List<int[]> clicks = new ArrayList<>();
            view.canvas().onClickToAdd((x, y) -> {
                clicks.add(new int[] {x, y});
                try (Predictor p = new Predictor(model, SessionSettings.cpu(), TileSettings.wholeImage())) {
                    view.addFound(ClickToAdd.objectAt(p, view.image().planes(model.channels()), x, y,
                            new NullProgressMonitor()), "");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            tool(view, RoiDrawing.Tool.ADD);
            click(view, c[1] + 0.5, c[2] + 0.5);
            assertEquals(1, clicks.size());
            assertEquals(c[1], clicks.get(0)[0]);
            assertEquals(c[2], clicks.get(0)[1]);
            assertEquals(1, view.document().rois().size(), "the object under the click is added");
            assertTrue(view.status().getText().contains("Added an object of"), view.status().getText());
        }
    }

    /** Per label: {label, x, y} of a pixel near its centroid that belongs to it, away from the image edge. */
    private static List<int[]> centres(LabelMap truth) {
        int n = truth.maxLabel() + 1;
        double[] sx = new double[n];
        double[] sy = new double[n];
        int[] count = new int[n];
        for (int y = 0; y < truth.height(); y++) {
            for (int x = 0; x < truth.width(); x++) {
                int l = truth.get(x, y);
                sx[l] += x;
                sy[l] += y;
                count[l]++;
            }
        }
        List<int[]> out = new ArrayList<>();
        for (int l = 1; l < n; l++) {
            int x = (int) Math.round(sx[l] / count[l]);
            int y = (int) Math.round(sy[l] / count[l]);
            if (count[l] > 100 && x > 30 && y > 30 && x < truth.width() - 30 && y < truth.height() - 30
                    && truth.get(x, y) == l) {
                out.add(new int[] {l, x, y});
            }
        }
        return out;
    }

    /** A pixel at least 25 px from every nucleus. */
    private static int[] background(LabelMap truth) {
        for (int y = 25; y < truth.height() - 25; y += 5) {
            for (int x = 25; x < truth.width() - 25; x += 5) {
                boolean clear = true;
                for (int dy = -25; dy <= 25 && clear; dy++) {
                    for (int dx = -25; dx <= 25 && clear; dx++) {
                        clear = truth.get(x + dx, y + dy) == 0;
                    }
                }
                if (clear) {
                    return new int[] {x, y};
                }
            }
        }
        throw new IllegalStateException("no empty background in the test image");
    }

    private static boolean[] maskOf(LabelMap labels, int label) {
        boolean[] m = new boolean[labels.labels().length];
        for (int i = 0; i < m.length; i++) {
            m[i] = labels.labels()[i] == label;
        }
        return m;
    }

    private static double iou(boolean[] mask, LabelMap truth, int label) {
        int both = 0;
        int either = 0;
        for (int i = 0; i < mask.length; i++) {
            boolean t = truth.labels()[i] == label;
            both += mask[i] && t ? 1 : 0;
            either += mask[i] || t ? 1 : 0;
        }
        return either == 0 ? 0 : both / (double) either;
    }
}

package fluffy.inference.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import fluffy.core.image.Plane;
import fluffy.core.labels.LabelMap;
import fluffy.inference.ClassMaps;
import fluffy.inference.PostProcessing;
import fluffy.inference.FluffyModel;
import fluffy.inference.output.Overlay;
import fluffy.inference.output.Png;

/** The package's cover, 2:1 as the zoo asks: the test input beside it with the predicted outlines. */
final class Cover {

    private Cover() {
    }

    static byte[] png(Plane sample, float[] output, int classes, FluffyModel model) throws IOException {
        int w = sample.width();
        int h = sample.height();
        ClassMaps maps = new ClassMaps(w, h, model.classes());
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < w * h; i++) {
                maps.set(c, i, output[c * w * h + i]);
            }
        }
        LabelMap labels = PostProcessing.DEFAULT.labels(maps, model.type(), model.description().hyperparameters());
        Overlay overlay = new Overlay(sample, labels, model.normalization().scaling(sample.data()));
        Overlay plain = new Overlay(sample, LabelMap.empty(w, h), overlay.display());
        byte[] half = new byte[3 * w];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Png.write(out, 2 * w, h, true, (y, row) -> {
            plain.row(y, half);
            System.arraycopy(half, 0, row, 0, half.length);
            overlay.row(y, half);
            System.arraycopy(half, 0, row, half.length, half.length);
        });
        return out.toByteArray();
    }
}

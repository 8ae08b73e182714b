package fluffy.ui.widgets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import fluffy.core.image.Normalization;
import fluffy.core.labels.LabelMap;
import fluffy.core.synthetic.SyntheticNuclei;
import fluffy.core.workspace.Workspace;
import fluffy.io.SyntheticPairs;
import fluffy.models.HyperparameterValues;
import fluffy.models.ModelPackage;
import fluffy.models.unet.CategoricalUNet;
import fluffy.onnx.nn.Graphs;
import fluffy.onnx.nn.Weights;

/** Workspaces for the view tests, built from the shared nuclei data or from synthetic nuclei. */
public final class TestWorkspaces {

    private TestWorkspaces() {
    }

    /** The first {@code n} image/mask stems of dsb2018-fluo, or an empty list when the shared data is absent. */
    public static List<String> dsbStems(int n) throws IOException {
        Path images = SwtFixture.sharedData("dsb2018-fluo/images");
        if (images == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(images)) {
            return files.map(p -> p.getFileName().toString()).filter(s -> s.endsWith(".tif")).sorted().limit(n)
                    .map(s -> s.substring(0, s.length() - 4)).toList();
        }
    }

    public static Path dsbImage(String stem) {
        return SwtFixture.sharedData("dsb2018-fluo/images").resolve(stem + ".tif");
    }

    public static Path dsbMask(String stem) {
        return SwtFixture.sharedData("dsb2018-fluo/masks").resolve(stem + ".tif");
    }

    /** Copies dsb images into Raw/ of a new workspace. */
    public static Workspace withRaw(Path dir, List<String> stems) throws IOException {
        Workspace ws = Workspace.create(dir);
        for (String s : stems) {
            Files.copy(dsbImage(s), ws.raw().resolve(s + ".tif"));
        }
        return ws;
    }

    /** A Processed/ folder of {@code count} synthetic 16-bit images and their label maps, 64 x 48. */
    public static Path syntheticProcessed(Path dir, int count) throws IOException {
        Files.createDirectories(dir.resolve("images"));
        Files.createDirectories(dir.resolve("masks"));
        SyntheticNuclei generator = new SyntheticNuclei(SyntheticNuclei.Settings.nuclei(64, 48));
        for (int i = 0; i < count; i++) {
            SyntheticPairs.write(generator.generate(i), dir.resolve("images/img_" + i + ".tif"),
                    dir.resolve("masks/img_" + i + ".tif"));
        }
        return dir;
    }

    /**
     * An untrained small categorical U-Net saved as a Fluffy model at {@code file}: the views' tests are about
     * files, jobs and widgets, not accuracy, and training one would take minutes on a shared machine.
     */
    public static Path untrainedModel(Path file) throws IOException {
        CategoricalUNet type = new CategoricalUNet();
        HyperparameterValues values = HyperparameterValues.of(type.hyperparameters(),
                // An untrained network is sure of nothing and its object cores are specks: the loosest
                // instance settings, nothing dropped or cut, so that the views get some objects to show.
                java.util.Map.of("depth", 2, "width", 4, "last_width", 4, "dropout", 0.0, "min_seed_area", 0,
                        "seed_threshold", 0.5, "foreground_threshold", 0.7, "neck_fraction", 0.0));
        Weights weights = Weights.initialize(Graphs.specs(type.network(values, 1)), 3);
        Files.createDirectories(file.getParent());
        new ModelPackage(type, values, 1, Normalization.DEFAULT, weights, java.util.Map.of(), null).write(file);
        return file;
    }

    /** A copy of {@code map} without the object {@code drop} and with a new square object at (x, y). */
    public static LabelMap edited(LabelMap map, int drop, int x, int y, int side) {
        int[] labels = map.labels().clone();
        int fresh = map.maxLabel() + 1;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == drop) {
                labels[i] = 0;
            }
        }
        for (int yy = y; yy < Math.min(map.height(), y + side); yy++) {
            for (int xx = x; xx < Math.min(map.width(), x + side); xx++) {
                labels[yy * map.width() + xx] = fresh;
            }
        }
        return new LabelMap(map.width(), map.height(), labels);
    }
}

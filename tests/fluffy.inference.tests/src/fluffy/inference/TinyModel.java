package fluffy.inference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;

import fluffy.core.image.Normalization;
import fluffy.core.labels.ObjectSizes;
import fluffy.core.synthetic.SyntheticNuclei;
import fluffy.models.HyperparameterValues;
import fluffy.models.ModelPackage;
import fluffy.models.unet.CategoricalUNet;
import fluffy.runtime.session.SessionSettings;
import fluffy.training.Trainer;
import fluffy.training.TrainingSettings;
import fluffy.training.data.Augmentation;
import fluffy.training.data.Sample;

/**
 * A small categorical U-Net (3 levels, width 8) trained for a few hundred steps on synthetic nuclei by the
 * real trainer: good enough to find nuclei, small enough to train in well under a minute. Trained once per
 * test run and shared.
 */
final class TinyModel {

    static final CategoricalUNet TYPE = new CategoricalUNet();
    static final HyperparameterValues VALUES = HyperparameterValues.of(TYPE.hyperparameters(),
            Map.of("depth", 3, "width", 8, "last_width", 8, "dropout", 0.0));

    private static Path file;

    private TinyModel() {
    }

    static synchronized FluffyModel get() {
        try {
            if (file == null) {
                file = Files.createTempDirectory("fluffy-tiny-model").resolve("model.onnx");
                train(file);
            }
            return FluffyModel.read(file, id -> TYPE);
        } catch (Exception e) {
            throw new IllegalStateException("training the test model failed: " + e.getMessage(), e);
        }
    }

    static Path file() {
        get();
        return file;
    }

    private static void train(Path target) throws Exception {
        SyntheticNuclei generator = new SyntheticNuclei(SyntheticNuclei.Settings.nuclei(128, 128));
        List<Sample> train = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            SyntheticNuclei.Sample s = generator.generate(1000 + i);
            train.add(new Sample("s" + i, 128, 128, Normalization.DEFAULT.apply(s.image()), s.labels(),
                    TYPE.targets(s.labels(), VALUES)));
        }
        TrainingSettings settings = TrainingSettings.defaults(SessionSettings.cpu()).withBatchSize(4).withCrop(64)
                .withEpochs(8).withStepsPerEpoch(40).withSeed(7)
                .withAugmentation(new Augmentation(true, 1, 1, 0.7, 1.3, 0.1, 0.01));
        Trainer.Outcome outcome = new Trainer().train(TYPE, VALUES, train, List.of(), settings, Trainer.Start.fresh(),
                new NullProgressMonitor(), e -> { });
        try {
            new ModelPackage(TYPE, VALUES, 1, Normalization.DEFAULT, outcome.last(), Map.of("purpose", "tests"), null)
                    .write(target);
            // Its object size as training records it: the median diameter of what it finds at its own scale.
            FluffyModel model = FluffyModel.read(target, id -> TYPE);
            List<fluffy.core.labels.LabelMap> found = new ArrayList<>();
            try (Predictor p = new Predictor(model, SessionSettings.cpu(), TileSettings.DEFAULT)) {
                for (int i = 0; i < 12; i++) {
                    found.add(PostProcessing.DEFAULT.labels(p.predict(generator.generate(1000 + i).image(),
                            new NullProgressMonitor()), model));
                }
            }
            model.description().withObjectDiameter(ObjectSizes.medianDiameter(found)).write(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

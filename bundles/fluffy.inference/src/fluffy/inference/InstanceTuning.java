package fluffy.inference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import fluffy.core.image.Plane;
import fluffy.core.labels.LabelMap;
import fluffy.core.labels.ObjectSizes;
import fluffy.core.metrics.ObjectMatching;
import fluffy.core.morphology.BorderInstances;
import fluffy.core.morphology.BorderInstances.Settings;
import fluffy.inference.evaluation.FolderEvaluation;
import fluffy.io.ImageFormats;
import fluffy.io.ImageSource;
import fluffy.io.rois.LabelMapFiles;
import fluffy.models.Hyperparameter;
import fluffy.models.HyperparameterValues;
import fluffy.models.ModelPackage;

/**
 * Chooses how a categorical model's probabilities become objects, on images with true label maps: every
 * image is predicted once, then each candidate of {@link BorderInstances.Settings} is scored by object F1
 * at IoU 0.5 over all images together. The settings change no weight, so trying many costs only
 * post-processing; they belong to the model (its hyperparameters) and travel with it. Choose them on
 * images the model will not be tested on.
 */
public final class InstanceTuning {

    /**
     * One candidate's counts over every image, and the median diameter of the objects it found: the scale
     * the model has with these settings ({@link ScaledPrediction} compares images' objects with it).
     */
    public record Trial(Settings settings, int truePositives, int falsePositives, int falseNegatives,
            double diameter) {
        public double f1() {
            int denominator = 2 * truePositives + falsePositives + falseNegatives;
            return denominator == 0 ? 1 : 2.0 * truePositives / denominator;
        }
    }

    /** A candidate grid around the defaults: seed threshold x neck fraction x minimum seed area x foreground. */
    public static List<Settings> defaultGrid() {
        List<Settings> grid = new ArrayList<>();
        for (double seed : new double[] {0.6, 0.7, 0.8, 0.9}) {
            for (double neck : new double[] {0, 0.3, 0.4, 0.5}) {
                for (int minSeed : new int[] {4, 8, 15}) {
                    for (double foreground : new double[] {0.3, 0.5}) {
                        grid.add(new Settings(seed, foreground, neck, minSeed));
                    }
                }
            }
        }
        return grid;
    }

    private InstanceTuning() {
    }

    /**
     * @param images  image files, each with a label map of the same stem in {@code truths}
     * @param problem told about each image left out (unreadable, no truth, other size), by name
     * @throws IllegalArgumentException for a candidate outside the model type's hyperparameter ranges
     * @return the trials, best first (ties: the earlier candidate)
     */
    public static List<Trial> run(Predictor predictor, List<Path> images, Path truths, List<Settings> grid,
            PostProcessing post, IProgressMonitor monitor, Consumer<String> problem) throws IOException {
        FluffyModel model = (FluffyModel) predictor.model();
        requireInstanceSettings(model);
        // Each candidate as the model's hyperparameters, checked against their ranges before any image is
        // predicted: a candidate the model could not be written with is refused at once, by name.
        List<HyperparameterValues> candidates = new ArrayList<>();
        for (Settings s : grid) {
            candidates.add(withSettings(model, s).hyperparameters());
        }
        SubMonitor progress = SubMonitor.convert(monitor, "Tuning instance settings", images.size() * 4 + grid.size());
        Map<String, Path> truthByStem = FolderEvaluation.byStem(truths);
        List<ClassMaps> maps = new ArrayList<>();
        List<LabelMap> labels = new ArrayList<>();
        for (Path image : images) {
            progress.checkCanceled();
            progress.subTask(image.getFileName().toString());
            try {
                Path truthFile = truthByStem.get(BatchPrediction.stem(image));
                if (truthFile == null) {
                    throw new IOException("no label map named " + BatchPrediction.stem(image) + ".* in " + truths);
                }
                LabelMap truth = LabelMapFiles.read(truthFile);
                List<Plane> planes;
                try (ImageSource source = ImageFormats.platform().open(image)) {
                    Frames frames = new Frames(source, InputType.FRAME, model.channels());
                    planes = frames.read(frames.list().get(0));
                }
                Plane plane = planes.get(0);
                if (plane.width() != truth.width() || plane.height() != truth.height()) {
                    throw new IOException(plane.width() + " x " + plane.height() + " but its label map is "
                            + truth.width() + " x " + truth.height());
                }
                maps.add(predictor.predict(planes, progress.split(4)));
                labels.add(truth);
            } catch (IOException | RuntimeException | fluffy.runtime.session.SessionException e) {
                problem.accept(image.getFileName() + ": " + e.getMessage());
            }
        }
        if (maps.isEmpty()) {
            throw new IOException("no image could be scored");
        }
        List<Trial> trials = new ArrayList<>();
        for (int c = 0; c < grid.size(); c++) {
            progress.checkCanceled();
            Settings s = grid.get(c);
            HyperparameterValues values = candidates.get(c);
            int tp = 0;
            int fp = 0;
            int fn = 0;
            List<LabelMap> all = new ArrayList<>();
            for (int k = 0; k < maps.size(); k++) {
                LabelMap found = post.labels(maps.get(k), model.type(), values);
                all.add(found);
                ObjectMatching.Result r = ObjectMatching.match(labels.get(k), found, 0.5);
                tp += r.truePositives();
                fp += r.falsePositives();
                fn += r.falseNegatives();
            }
            trials.add(new Trial(s, tp, fp, fn, ObjectSizes.medianDiameter(all)));
            progress.worked(1);
        }
        trials.sort(Comparator.comparingDouble(Trial::f1).reversed());
        return trials;
    }

    /**
     * The model with a trial's instance settings and the object size they give (when they found objects),
     * everything else as it was (no training state).
     */
    public static ModelPackage withSettings(FluffyModel model, Trial trial) {
        ModelPackage tuned = withSettings(model, trial.settings());
        return Double.isFinite(trial.diameter()) ? tuned.withObjectDiameter(trial.diameter()) : tuned;
    }

    /** The model with other instance settings, everything else as it was (no training state). */
    public static ModelPackage withSettings(FluffyModel model, Settings settings) {
        requireInstanceSettings(model);
        ModelPackage d = model.description();
        Map<String, Object> values = new LinkedHashMap<>(d.hyperparameters().asMap());
        values.putAll(settings.asHyperparameters());
        Map<String, String> training = new LinkedHashMap<>(d.training());
        training.put("instance_settings_tuned", "true");
        return new ModelPackage(d.type(), HyperparameterValues.of(d.type().hyperparameters(), values),
                d.inputChannels(), d.normalization(), d.weights(), training, null);
    }

    private static void requireInstanceSettings(FluffyModel model) {
        List<String> names = model.type().hyperparameters().stream().map(Hyperparameter::name).toList();
        for (String name : Settings.DEFAULT.asHyperparameters().keySet()) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException(model.file() + ": model type " + model.type().id()
                        + " has no instance settings to tune (no hyperparameter '" + name + "')");
            }
        }
    }
}

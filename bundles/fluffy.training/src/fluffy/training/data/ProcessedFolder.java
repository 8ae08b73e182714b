package fluffy.training.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import fluffy.core.image.ChannelSelection;
import fluffy.core.image.Normalization;
import fluffy.core.image.Plane;
import fluffy.core.labels.LabelMap;
import fluffy.io.ImageChannels;
import fluffy.io.ImageFormats;
import fluffy.io.ImageInfo;
import fluffy.io.ImageSource;
import fluffy.io.rois.LabelMapFiles;
import fluffy.models.HyperparameterValues;
import fluffy.models.ModelType;

/**
 * The training input: {@code images/<file>} paired with {@code masks/<file>} of the same name, as the
 * original's {@code Processed/} folder (or a Fluffy workspace, whose {@code Processed/} is used). Images
 * of any bit depth are normalised by percentiles, each channel on its own; by default colour images are
 * averaged to grey and other images give their first channel. A pair that is
 * incomplete, unreadable or of mismatched size is reported by name and left out; the rest is used.
 */
public final class ProcessedFolder {

    private ProcessedFolder() {
    }

    /** The folder holding images/ and masks/: {@code dir} itself or its Processed/ subfolder. */
    public static Path resolve(Path dir) throws IOException {
        if (Files.isDirectory(dir.resolve("images")) && Files.isDirectory(dir.resolve("masks"))) {
            return dir;
        }
        Path processed = dir.resolve("Processed");
        if (Files.isDirectory(processed.resolve("images")) && Files.isDirectory(processed.resolve("masks"))) {
            return processed;
        }
        throw new IOException(dir + ": no images/ and masks/ folders here or in " + processed);
    }

    /** Names (file names of images/) of every image file, sorted. */
    public static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder.resolve("images"))) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    /**
     * Loads the named pairs, computing the model type's targets on each whole label map.
     *
     * @param problems told about each pair left out, with the file and the reason
     */
    public static List<Sample> load(Path folder, List<String> names, ModelType type, HyperparameterValues values,
            Normalization normalization, Consumer<String> problems) {
        return load(folder, names, type, values, normalization, ChannelSelection.DEFAULT, problems);
    }

    /**
     * @param channels the image channels to load, in the model's order, each normalised on its own
     */
    public static List<Sample> load(Path folder, List<String> names, ModelType type, HyperparameterValues values,
            Normalization normalization, ChannelSelection channels, Consumer<String> problems) {
        List<Sample> samples = new ArrayList<>();
        for (String name : names) {
            Path image = folder.resolve("images").resolve(name);
            Path mask = folder.resolve("masks").resolve(name);
            try {
                if (!Files.isRegularFile(mask)) {
                    throw new IOException(mask + ": no mask for image " + image.getFileName());
                }
                List<Plane> planes = planes(image, channels);
                Plane plane = planes.get(0);
                LabelMap labels = LabelMapFiles.read(mask);
                if (labels.width() != plane.width() || labels.height() != plane.height()) {
                    throw new IOException(mask + ": mask is " + labels.width() + " x " + labels.height()
                            + " but the image is " + plane.width() + " x " + plane.height());
                }
                int n = plane.width() * plane.height();
                float[] normalised = new float[planes.size() * n];
                for (int c = 0; c < planes.size(); c++) {
                    System.arraycopy(normalization.apply(planes.get(c)), 0, normalised, c * n, n);
                }
                samples.add(new Sample(name, plane.width(), plane.height(), normalised, labels,
                        type.targets(labels, values)));
            } catch (IOException | RuntimeException e) {
                problems.accept(name + ": left out: " + e.getMessage());
            }
        }
        return samples;
    }

    /** The first plane's channels: the selected ones in order, or one grey plane ({@link ImageChannels}). */
    static List<Plane> planes(Path file, ChannelSelection channels) throws IOException {
        try (ImageSource source = ImageFormats.platform().open(file)) {
            return ImageChannels.read(source, channels, 0, 0);
        }
    }
}

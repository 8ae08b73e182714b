package fluffy.training.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import fluffy.core.image.Normalization;
import fluffy.core.image.Plane;
import fluffy.core.labels.LabelMap;
import fluffy.io.ImageFormats;
import fluffy.io.ImageInfo;
import fluffy.io.ImageSource;
import fluffy.io.rois.LabelMapFiles;
import fluffy.models.HyperparameterValues;
import fluffy.models.ModelType;

/**
 * The training input: {@code images/<file>} paired with {@code masks/<file>} of the same name, as the
 * original's {@code Processed/} folder (or a Fluffy workspace, whose {@code Processed/} is used). Images
 * of any bit depth are normalised by percentiles; colour images are averaged to grey. A pair that is
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
        List<Sample> samples = new ArrayList<>();
        for (String name : names) {
            Path image = folder.resolve("images").resolve(name);
            Path mask = folder.resolve("masks").resolve(name);
            try {
                if (!Files.isRegularFile(mask)) {
                    throw new IOException(mask + ": no mask for image " + image.getFileName());
                }
                Plane plane = grey(image);
                LabelMap labels = LabelMapFiles.read(mask);
                if (labels.width() != plane.width() || labels.height() != plane.height()) {
                    throw new IOException(mask + ": mask is " + labels.width() + " x " + labels.height()
                            + " but the image is " + plane.width() + " x " + plane.height());
                }
                samples.add(new Sample(name, plane.width(), plane.height(), normalization.apply(plane), labels,
                        type.targets(labels, values)));
            } catch (IOException | RuntimeException e) {
                problems.accept(name + ": left out: " + e.getMessage());
            }
        }
        return samples;
    }

    /** The first plane, with colour or multi-channel images averaged over channels. */
    static Plane grey(Path file) throws IOException {
        try (ImageSource source = ImageFormats.platform().open(file)) {
            ImageInfo info = source.info(0);
            int channels = info.rgb() ? 3 : 1;
            float[] sum = new float[info.sizeX() * info.sizeY()];
            for (int c = 0; c < channels; c++) {
                float[] d = source.readPlane(0, c, 0, 0).data();
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += d[i] / channels;
                }
            }
            return new Plane(info.sizeX(), info.sizeY(), sum);
        }
    }
}

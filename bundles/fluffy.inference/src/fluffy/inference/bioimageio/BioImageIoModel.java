package fluffy.inference.bioimageio;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import fluffy.core.image.ChannelSelection;
import fluffy.core.image.Normalization;
import fluffy.core.image.Plane;
import fluffy.inference.ClassMaps;
import fluffy.inference.PostProcessing;
import fluffy.inference.PredictionModel;
import fluffy.inference.TensorLayout;
import fluffy.inference.TileRule;
import fluffy.models.ModelType;

/**
 * A bioimage.io model package (formats 0.4 and 0.5 of the spec) whose weights include ONNX, ready for
 * prediction: one input (of one or more channels), the package's pre-processing applied to the whole image, its
 * network run tile by tile in the package's axis order and sizes (overlapping at least by its halo), its
 * post-processing applied to the whole output, and the result turned into objects by {@link ObjectRule}.
 * The ONNX weights' sha256 is checked when the package gives one. A package that cannot be run is refused
 * when read, with the reason.
 */
public final class BioImageIoModel implements PredictionModel {

    private final Path file;
    private final String name;
    private final String format;
    private final byte[] onnx;
    private final TensorDescription input;
    private final TensorDescription output;
    private final ObjectRule rule;
    private final ChannelSelection channels;

    private BioImageIoModel(Path file, String name, String format, byte[] onnx, TensorDescription input,
            TensorDescription output, ObjectRule rule, ChannelSelection channels) {
        this.file = file;
        this.name = name;
        this.format = format;
        this.onnx = onnx;
        this.input = input;
        this.output = output;
        this.rule = rule;
        this.channels = channels;
    }

    /**
     * @param types resolves a Fluffy model type id (a package exported by Fluffy names its type)
     * @throws IOException naming the file and why it cannot be run
     */
    @SuppressWarnings("unchecked")
    public static BioImageIoModel read(Path file, Function<String, ModelType> types) throws IOException {
        PackageFiles files = PackageFiles.open(file);
        Map<String, Object> rdf;
        try {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(files.description());
            if (!(loaded instanceof Map<?, ?> m)) {
                throw new IOException(file + ": its description is not a YAML mapping");
            }
            rdf = (Map<String, Object>) m;
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new IOException(file + ": its description is not valid YAML (" + e.getMessage().lines().findFirst()
                    .orElse("") + ")", e);
        }
        String format = String.valueOf(rdf.get("format_version"));
        boolean v04 = format.startsWith("0.4.");
        if (!v04 && !format.startsWith("0.5.")) {
            throw new IOException(file + ": format_version '" + format + "'; Fluffy reads bioimage.io formats 0.4 and 0.5");
        }
        if (!"model".equals(rdf.get("type"))) {
            throw new IOException(file + ": describes a '" + rdf.get("type") + "', not a model");
        }
        String name = String.valueOf(rdf.getOrDefault("name", file.getFileName().toString()));
        try {
            Map<String, Object> weights = rdf.get("weights") instanceof Map<?, ?> w ? (Map<String, Object>) w : Map.of();
            if (!(weights.get("onnx") instanceof Map<?, ?> onnxEntry)) {
                throw new IOException(file + ": the package has " + (weights.isEmpty() ? "no weights" : "weights "
                        + weights.keySet()) + " but none in ONNX, which is what Fluffy runs; convert them to ONNX "
                        + "(e.g. with bioimageio.core's weight converters) and package them again");
            }
            byte[] onnx = files.read(String.valueOf(onnxEntry.get("source")));
            Object sha = onnxEntry.get("sha256");
            if (sha != null && !sha256(onnx).equalsIgnoreCase(String.valueOf(sha))) {
                throw new IOException(file + ": the ONNX weights '" + onnxEntry.get("source") + "' have sha256 "
                        + sha256(onnx) + ", the description says " + sha + ": the package is damaged or was changed");
            }
            List<Map<String, Object>> inputs = list(rdf, "inputs", file);
            List<Map<String, Object>> outputs = list(rdf, "outputs", file);
            if (inputs.size() != 1) {
                throw new IOException(file + ": the model has " + inputs.size() + " inputs; Fluffy feeds one image");
            }
            TensorDescription in = TensorDescription.input(inputs.get(0), v04);
            if (in.channels() < 1 || in.channels() > ChannelSelection.MAX) {
                throw new IOException(file + ": its input '" + in.name() + "' has " + in.channels() + " channels");
            }
            if (!in.dataType().equals("float32")) {
                throw new IOException(file + ": its input '" + in.name() + "' is " + in.dataType()
                        + "; Fluffy feeds float32");
            }
            TensorDescription out = TensorDescription.output(outputs.get(0), v04, in);
            ObjectRule rule = ObjectRule.choose(out, rdf.get("config"), types);
            TileRule tiles = new TileRule(in.rule().min(), in.rule().step(), out.rule().halo(), rule.needsWholeImage());
            TensorDescription input = new TensorDescription(in.name(), in.layout(), in.channels(), in.channelNames(), tiles,
                    in.dataType(), in.processing());
            return new BioImageIoModel(file, name, format, onnx, input, out, rule, channels(rdf.get("config"),
                    in.channels()));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> rdf, String key, Path file) throws IOException {
        if (!(rdf.get(key) instanceof List<?> l) || l.isEmpty()) {
            throw new IOException(file + ": the description has no " + key);
        }
        return (List<Map<String, Object>>) l;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java has SHA-256
        }
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public byte[] onnx() {
        return onnx;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "bioimage.io '%s', format %s, objects %s", name, format, rule.describe());
    }

    /** Packages do not state their training objects' size: images are predicted as they are unless told. */
    @Override
    public double objectDiameter() {
        return Double.NaN;
    }

    /**
     * The image channels a package made by Fluffy records ({@code config.fluffy.channels}); otherwise one grey
     * plane for a one-channel package, else the image's first channels in order ({@code --channels} chooses).
     */
    private static ChannelSelection channels(Object config, int count) {
        if (config instanceof Map<?, ?> c && c.get("fluffy") instanceof Map<?, ?> f && f.get("channels") != null) {
            try {
                ChannelSelection recorded = ChannelSelection.parse(String.valueOf(f.get("channels")));
                if (recorded.count() == count) {
                    return recorded;
                }
            } catch (IllegalArgumentException e) {
                // not ours to trust: the count decides
            }
        }
        return count == 1 ? ChannelSelection.DEFAULT
                : new ChannelSelection(java.util.stream.IntStream.range(0, count).boxed().toList());
    }

    @Override
    public ChannelSelection channels() {
        return channels;
    }

    @Override
    public int inputChannels() {
        return input.channels();
    }

    @Override
    public TensorLayout inputLayout() {
        return input.layout();
    }

    @Override
    public TensorLayout outputLayout() {
        return output.layout();
    }

    @Override
    public String outputName() {
        return output.name();
    }

    @Override
    public TileRule tiles() {
        return input.rule();
    }

    @Override
    public int outputChannels() {
        return output.channels();
    }

    @Override
    public List<String> classes() {
        return rule.classes(output);
    }

    @Override
    public Normalization.Scaling displayScaling(float[] data) {
        return Normalization.DEFAULT.scaling(data);
    }

    /** The whole image through the package's pre-processing (statistics of the whole image, then tiles). */
    @Override
    public Input prepare(List<Plane> image) {
        int w = image.get(0).width();
        int n = image.get(0).data().length;
        float[] values = new float[image.size() * n];
        for (int c = 0; c < image.size(); c++) {
            System.arraycopy(image.get(c).data(), 0, values, c * n, n);
        }
        FloatPlanes t = new FloatPlanes(image.size(), w, n / w, values);
        for (ProcessingStep step : input.processing()) {
            step.apply(t, t);
        }
        return new Prepared(t);
    }

    /** The prepared input, kept for post-processing that refers to it ({@code scale_mean_variance}). */
    private record Prepared(FloatPlanes planes) implements Input {
        @Override
        public float at(int channel, int index) {
            return planes.get(channel, index);
        }
    }

    @Override
    public Outputs outputs(int width, int height) {
        return new FloatPlanes(output.channels(), width, height);
    }

    @Override
    public Segmented segment(Outputs outputs, Input prepared, PostProcessing post, boolean keepMaps) {
        FloatPlanes t = (FloatPlanes) outputs;
        FloatPlanes reference = ((Prepared) prepared).planes();
        for (ProcessingStep step : output.processing()) {
            step.apply(t, reference);
        }
        return rule.segment(t, output, post, keepMaps);
    }

    /** The probabilities as 16-bit class maps, as Fluffy's own predictions keep them. */
    static ClassMaps maps(FloatPlanes t, List<String> names) {
        ClassMaps maps = new ClassMaps(t.width, t.height, names);
        for (int c = 0; c < t.channels; c++) {
            for (int i = 0; i < t.pixels(); i++) {
                maps.set(c, i, t.get(c, i));
            }
        }
        return maps;
    }
}

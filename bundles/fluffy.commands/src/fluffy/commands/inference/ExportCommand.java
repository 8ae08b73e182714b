package fluffy.commands.inference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import fluffy.headless.Arguments;
import fluffy.headless.Command;
import fluffy.headless.CommandContext;
import fluffy.headless.ExitCodes;
import fluffy.headless.UsageException;
import fluffy.inference.FluffyModel;
import fluffy.inference.export.BioImageIoPackage;
import fluffy.core.files.AtomicFiles;
import fluffy.models.ModelTypes;

/** {@code fluffy export}: a model as plain ONNX or as a bioimage.io model package. */
public final class ExportCommand implements Command {

    @Override
    public String usage() {
        return """
                Usage: fluffy export [--model M] --format onnx|bioimageio --output FILE

                  --model   a model file (RUN_FOLDER/model.onnx; default: the default model)
                  --format  onnx: the self-contained inference model (image in, probabilities out, metadata);
                            bioimageio: a zip with rdf.yaml (format %s), the ONNX weights, test tensors
                            (.npy), documentation and a cover image, for the bioimage.io model zoo
                  --output  the file to write
                """.formatted(BioImageIoPackage.FORMAT_VERSION);
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws Exception {
        Arguments args = Arguments.parse(arguments, Set.of());
        Path modelFile = fluffy.inference.DefaultModel.orDefault(args.value("model").orElse(null));
        String format = args.require("format").toLowerCase(Locale.ROOT);
        Path output = Path.of(args.require("output"));
        args.finish();
        args.noPositional();
        if (!format.equals("onnx") && !format.equals("bioimageio")) {
            throw new UsageException("--format takes onnx or bioimageio, got '" + format + "'");
        }
        FluffyModel model = FluffyModel.read(modelFile, ModelTypes::require);
        // A killed earlier export of this file left its temporary file beside it; this export replaces it.
        AtomicFiles.removeTemporaries(output.toAbsolutePath().getParent(), List.of(AtomicFiles.baseName(output)));
        try {
            if (format.equals("onnx")) {
                byte[] bytes = model.onnx();
                AtomicFiles.write(output, tmp -> java.nio.file.Files.write(tmp, bytes));
            } else {
                BioImageIoPackage.write(model, output);
            }
        } catch (IOException e) {
            // Written through a temporary file: a failed write leaves nothing, and an earlier file as it was.
            String fault = fluffy.core.files.OutputFaults.describe(e, output.toAbsolutePath().getParent());
            throw new IOException(output + " was not written: " + (fault != null ? fault : e.getMessage())
                    + "; nothing partial is left", e);
        }
        context.out().printf("%s: %s model %s written%n", output, format, model.type().id());
        return ExitCodes.OK;
    }
}

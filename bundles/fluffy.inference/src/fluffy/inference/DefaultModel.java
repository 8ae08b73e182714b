package fluffy.inference;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.core.runtime.FileLocator;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The model {@code fluffy predict} uses without {@code --model}: the file {@value #ENTRY} of the bundle
 * {@value #BUNDLE}, when that bundle is installed. The product ships one (a categorical U-Net trained on
 * fluorescence nuclei, see that bundle's {@code model/README.md}); replacing the bundle replaces the
 * default without any code change.
 */
public final class DefaultModel {

    public static final String BUNDLE = "fluffy.models.nuclei";
    public static final String ENTRY = "model/nuclei.onnx";

    private DefaultModel() {
    }

    /** The default model file, extracted from its bundle when needed; empty when none is installed. */
    public static Optional<Path> find() throws IOException {
        Bundle self = FrameworkUtil.getBundle(DefaultModel.class);
        if (self == null || self.getBundleContext() == null) {
            return Optional.empty();
        }
        for (Bundle bundle : self.getBundleContext().getBundles()) {
            if (BUNDLE.equals(bundle.getSymbolicName())) {
                URL entry = bundle.getEntry(ENTRY);
                if (entry == null) {
                    throw new IOException("bundle " + BUNDLE + " is installed but has no " + ENTRY);
                }
                try {
                    return Optional.of(Path.of(FileLocator.toFileURL(entry).toURI()));
                } catch (URISyntaxException e) {
                    throw new IOException("cannot locate " + ENTRY + " in bundle " + BUNDLE + ": " + e.getMessage(), e);
                }
            }
        }
        return Optional.empty();
    }

    /** The model file the user gave, or else the default model; an error that says what to do when neither exists. */
    public static Path orDefault(String given) throws IOException {
        return given != null ? Path.of(given) : find().orElseThrow(() -> new IOException(missing()));
    }

    /** Why there is no default, and what to do instead. */
    public static String missing() {
        return "no --model given and no default model is installed (a bundle " + BUNDLE + " with " + ENTRY
                + "); train one with 'fluffy train' and pass --model RUN_FOLDER/model.onnx";
    }
}

package fluffy.io.bioformats.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import fluffy.io.ImageFormatException;
import fluffy.io.ImageReader;
import fluffy.io.ImageSource;
import fluffy.io.UnsupportedImageException;
import fluffy.io.bioformats.BioFormats;
import fluffy.io.bioformats.JarLocation;

/**
 * Reads any format Bio-Formats knows, through the user's jar. Without a jar it refuses every file as
 * unsupported with the way to install one, so that the message reaches the user whenever Bio-Formats
 * would have been the answer.
 */
public final class BioFormatsReader implements ImageReader {

    @Override
    public ImageSource open(Path file) throws IOException {
        JarLocation location = BioFormats.configured().orElseThrow(() -> new UnsupportedImageException(file,
                "no installed reader handles this format; Bio-Formats would: " + BioFormats.HOW_TO_INSTALL));
        String problem = location.problem();
        if (problem != null) {
            throw new UnsupportedImageException(file, problem);
        }
        ClassLoader loader = BridgeLoader.forJar(location);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        Object reader = null;
        ReaderHandles api = null;
        // Bio-Formats finds some of its services through the context class loader.
        thread.setContextClassLoader(loader);
        try {
            api = ReaderHandles.of(loader);
            reader = api.newReader();
            return BioFormatsSource.open(file, api, reader);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new UnsupportedImageException(file, location.jar() + " (from " + location.origin()
                    + ") does not work as Bio-Formats: " + e);
        } catch (IOException e) {
            closeQuietly(api, reader);
            throw e;
        } catch (Throwable e) {
            closeQuietly(api, reader);
            throw failure(file, "opening", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * The jar in use and the version it reports ({@code loci.formats.FormatTools.VERSION}), or why there is
     * none: what {@code fluffy version} and {@code fluffy prepare} say of Bio-Formats.
     */
    @Override
    public Optional<String> setup() {
        Optional<JarLocation> configured = BioFormats.configured();
        if (configured.isEmpty()) {
            return Optional.of("no Bio-Formats jar configured; " + BioFormats.HOW_TO_INSTALL);
        }
        JarLocation location = configured.get();
        if (location.problem() != null) {
            return Optional.of(location.problem());
        }
        String from = " from " + location.jar() + " (" + location.origin() + ")";
        try {
            ClassLoader loader = BridgeLoader.forJar(location);
            Object version = Class.forName("loci.formats.FormatTools", true, loader).getField("VERSION").get(null);
            return Optional.of("Bio-Formats " + version + from);
        } catch (IOException | ReflectiveOperationException | LinkageError | RuntimeException e) {
            return Optional.of("a jar" + from + " without a readable Bio-Formats version: " + e);
        }
    }

    /**
     * Bio-Formats' own exceptions as Fluffy's: its {@code UnknownFormatException} means it cannot read the
     * file at all; its {@code FormatException} and I/O errors mean the file is damaged.
     */
    static IOException failure(Path file, String doing, Throwable e) {
        String type = e.getClass().getName();
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (type.endsWith("UnknownFormatException")) {
            return new ImageFormatException(file, "Bio-Formats does not know this format either (" + message + ")");
        }
        if (e instanceof Error && !(e instanceof LinkageError) && !(e instanceof OutOfMemoryError)) {
            throw (Error) e;
        }
        return new ImageFormatException(file, "Bio-Formats failed " + doing + " it: " + message, e);
    }

    private static void closeQuietly(ReaderHandles api, Object reader) {
        if (api != null && reader != null) {
            try {
                api.close().invoke(reader);
            } catch (Throwable e) {
                // Already failing; the first problem is the one to report.
            }
        }
    }
}

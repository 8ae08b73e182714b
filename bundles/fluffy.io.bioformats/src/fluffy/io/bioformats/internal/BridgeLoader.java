package fluffy.io.bioformats.internal;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import fluffy.io.bioformats.JarLocation;

/**
 * One class loader per Bio-Formats jar, kept for the life of the process (loading its thousands of
 * classes again for every file would cost seconds). Its parent is the platform class loader, so nothing
 * of Fluffy or the OSGi framework leaks into Bio-Formats and its bundled libraries (logback, Guava, ...)
 * cannot clash with ours.
 */
final class BridgeLoader {

    private static final Map<Path, ClassLoader> LOADERS = new ConcurrentHashMap<>();

    private BridgeLoader() {
    }

    static ClassLoader forJar(JarLocation location) throws IOException {
        Path jar = location.jar().toAbsolutePath().normalize();
        try {
            return LOADERS.computeIfAbsent(jar, BridgeLoader::create);
        } catch (IllegalStateException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static ClassLoader create(Path jar) {
        try {
            ClassLoader loader = new URLClassLoader("bioformats", new URL[] {jar.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            quietLogging(loader);
            return loader;
        } catch (MalformedURLException e) {
            throw new IllegalStateException("cannot load " + jar + ": " + e.getMessage(), e);
        }
    }

    /** Bio-Formats logs through its own logback at debug level by default; only errors matter here. */
    private static void quietLogging(ClassLoader loader) {
        try {
            Class<?> tools = Class.forName("loci.common.DebugTools", true, loader);
            tools.getMethod("setRootLevel", String.class).invoke(null, "ERROR");
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // An older or trimmed jar without DebugTools only logs more; reading still works.
        }
    }
}

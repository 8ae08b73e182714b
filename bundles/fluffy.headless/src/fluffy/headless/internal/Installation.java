package fluffy.headless.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The product installation this process runs from, as the Equinox launcher describes it. */
record Installation(Path home, Path launcherJar, String profile) {

    /**
     * @throws IllegalStateException when the process was not started from an installed product (e.g.
     *                               inside a test runtime), saying what is missing
     */
    static Installation current() {
        String area = System.getProperty("osgi.install.area");
        if (area == null) {
            throw new IllegalStateException("not running from an installed product (osgi.install.area is not set)");
        }
        Path home = toPath(area);
        Path launcher = findLauncher(home.resolve("plugins"));
        return new Installation(home, launcher, System.getProperty("eclipse.p2.profile", "DefaultProfile"));
    }

    private static Path toPath(String url) {
        try {
            // Equinox gives a file: URL that may contain unescaped spaces.
            return Path.of(new URI(url.replace(" ", "%20")));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the installation folder from " + url, e);
        }
    }

    private static Path findLauncher(Path plugins) {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(plugins, "org.eclipse.equinox.launcher_*.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + plugins + ": " + e.getMessage(), e);
        }
        throw new IllegalStateException("broken installation: no org.eclipse.equinox.launcher jar in " + plugins);
    }
}

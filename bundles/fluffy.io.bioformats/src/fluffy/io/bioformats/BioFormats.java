package fluffy.io.bioformats;

import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

/**
 * Where Fluffy finds a user-installed {@code bioformats_package.jar}. Bio-Formats is GPL and not on
 * Maven Central, so Fluffy does not ship it; the bridge loads the user's copy in a class loader of its
 * own. The first of these that is set wins:
 * <ol>
 * <li>the system property {@value #PROPERTY} (what {@code fluffy prepare --bioformats JAR} sets),</li>
 * <li>the environment variable {@value #ENVIRONMENT},</li>
 * <li>the preference {@value #PREFERENCE_KEY} of node {@value #PREFERENCE_NODE} (set in the workbench).</li>
 * </ol>
 */
public final class BioFormats {

    public static final String PROPERTY = "fluffy.bioformats.jar";
    public static final String ENVIRONMENT = "FLUFFY_BIOFORMATS_JAR";
    public static final String PREFERENCE_NODE = "fluffy.io.bioformats";
    public static final String PREFERENCE_KEY = "jar";

    /** Where to get the jar and how to tell Fluffy, for messages. */
    public static final String HOW_TO_INSTALL = "download bioformats_package.jar from "
            + "https://www.openmicroscopy.org/bio-formats/downloads/ and set " + ENVIRONMENT
            + "=/path/to/bioformats_package.jar (or pass --bioformats JAR to 'fluffy prepare')";

    private BioFormats() {
    }

    /** The configured jar and which setting named it; empty when none is set. */
    public static Optional<JarLocation> configured() {
        return JarLocation.first(System.getProperty(PROPERTY), System.getenv(ENVIRONMENT), preference());
    }

    /** Remembers the jar in the workbench's preferences (the lowest of the three settings). */
    public static void setPreference(Path jar) throws BackingStoreException {
        var node = InstanceScope.INSTANCE.getNode(PREFERENCE_NODE);
        node.put(PREFERENCE_KEY, jar.toAbsolutePath().toString());
        node.flush();
    }

    private static String preference() {
        try {
            return InstanceScope.INSTANCE.getNode(PREFERENCE_NODE).get(PREFERENCE_KEY, null);
        } catch (RuntimeException e) {
            // No instance location (a headless run without -data): there is no preference to read.
            return null;
        }
    }
}

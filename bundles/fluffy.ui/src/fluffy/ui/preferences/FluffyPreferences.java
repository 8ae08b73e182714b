package fluffy.ui.preferences;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;

import fluffy.io.bioformats.BioFormats;
import fluffy.runtime.DeviceRequest;

/**
 * The workbench's preferences: the device and threads for training and prediction, the Bio-Formats jar
 * and the default model. Device and threads are what the Train and Predict dialogs start from; the
 * Bio-Formats jar is stored where {@link BioFormats} reads it, so the headless bridge sees it too.
 */
public final class FluffyPreferences {

    static final String DEVICE = "device";
    static final String THREADS = "threads";
    static final String DEFAULT_MODEL = "defaultModel";

    private final Preferences node;
    private final Preferences bioFormats;

    public FluffyPreferences(Preferences node, Preferences bioFormats) {
        this.node = node;
        this.bioFormats = bioFormats;
    }

    /** The workbench's own preferences (instance scope). */
    public static FluffyPreferences instance() {
        return new FluffyPreferences(InstanceScope.INSTANCE.getNode("fluffy.ui"),
                InstanceScope.INSTANCE.getNode(BioFormats.PREFERENCE_NODE));
    }

    /** {@code auto}, {@code cpu}, {@code cuda} or {@code cuda:N}. */
    public String device() {
        return node.get(DEVICE, "auto");
    }

    public int threads() {
        return Math.max(1, node.getInt(THREADS, Runtime.getRuntime().availableProcessors()));
    }

    /** The model file the Predict dialog and the editor's "Predict ROIs" start from; empty when unset. */
    public String defaultModel() {
        return node.get(DEFAULT_MODEL, "");
    }

    public String bioFormatsJar() {
        return bioFormats.get(BioFormats.PREFERENCE_KEY, "");
    }

    /** What is wrong with these values, one sentence each; empty when they can be saved. */
    public static List<String> problems(String device, String threads, String defaultModel, String jar) {
        List<String> problems = new ArrayList<>();
        try {
            DeviceRequest.parse(device);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        try {
            if (Integer.parseInt(threads.strip()) < 1) {
                problems.add("Threads must be at least 1.");
            }
        } catch (NumberFormatException e) {
            problems.add("Threads '" + threads + "' is not a whole number.");
        }
        if (!defaultModel.isBlank() && !Files.isRegularFile(Path.of(defaultModel.strip()))) {
            problems.add("No model file " + defaultModel.strip() + ".");
        }
        if (!jar.isBlank() && !Files.isRegularFile(Path.of(jar.strip()))) {
            problems.add("No Bio-Formats jar " + jar.strip() + ".");
        }
        return problems;
    }

    /**
     * Stores the values (blank model or jar: unset) and flushes them to disk.
     *
     * @throws IllegalArgumentException when {@link #problems} is not empty
     */
    public void save(String device, String threads, String defaultModel, String jar) throws BackingStoreException {
        List<String> problems = problems(device, threads, defaultModel, jar);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
        node.put(DEVICE, device.strip().toLowerCase(java.util.Locale.ROOT));
        node.putInt(THREADS, Integer.parseInt(threads.strip()));
        put(node, DEFAULT_MODEL, defaultModel);
        put(bioFormats, BioFormats.PREFERENCE_KEY, jar);
        node.flush();
        bioFormats.flush();
    }

    private static void put(Preferences prefs, String key, String value) {
        if (value.isBlank()) {
            prefs.remove(key);
        } else {
            prefs.put(key, Path.of(value.strip()).toAbsolutePath().normalize().toString());
        }
    }
}

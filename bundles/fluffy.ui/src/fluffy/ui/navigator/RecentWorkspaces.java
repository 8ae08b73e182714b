package fluffy.ui.navigator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;

/**
 * The workspaces opened most recently, newest first, kept in the preferences so the navigator offers
 * them again after a restart. Paths are stored one per line: a path may contain commas or semicolons,
 * but not a line break.
 */
public final class RecentWorkspaces {

    /** How many are remembered; older ones drop off the end. */
    public static final int MAX = 8;
    static final String KEY = "recentWorkspaces";

    private final Preferences node;

    public RecentWorkspaces(Preferences node) {
        this.node = node;
    }

    /** The workbench's own list, in the instance scope of {@code fluffy.ui}. */
    public static RecentWorkspaces instance() {
        return new RecentWorkspaces(InstanceScope.INSTANCE.getNode("fluffy.ui"));
    }

    public List<Path> list() {
        String stored = node.get(KEY, "");
        return Arrays.stream(stored.split("\n")).filter(s -> !s.isBlank()).map(Path::of).toList();
    }

    /** Puts {@code workspace} first (moving it if it was there already) and saves at once. */
    public void remember(Path workspace) {
        List<Path> paths = new ArrayList<>(list());
        Path normal = workspace.toAbsolutePath().normalize();
        paths.remove(normal);
        paths.add(0, normal);
        store(paths.subList(0, Math.min(MAX, paths.size())));
    }

    /** Drops a workspace, e.g. one whose folder has gone. */
    public void forget(Path workspace) {
        List<Path> paths = new ArrayList<>(list());
        if (paths.remove(workspace.toAbsolutePath().normalize())) {
            store(paths);
        }
    }

    private void store(List<Path> paths) {
        node.put(KEY, String.join("\n", paths.stream().map(Path::toString).toList()));
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // The list still works for this session; losing it at exit is not worth an error dialog.
        }
    }
}

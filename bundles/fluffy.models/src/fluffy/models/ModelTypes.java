package fluffy.models;

import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IRegistryEventListener;
import org.eclipse.core.runtime.RegistryFactory;

import fluffy.models.internal.ModelTypeCatalog;

/**
 * The model types contributed to {@value ModelTypeCatalog#POINT}. The list is read once and read again
 * whenever bundles contributing to the point come or go.
 */
public final class ModelTypes {

    private static volatile List<ModelTypeEntry> cached;
    private static volatile List<String> problems = List.of();
    private static volatile boolean listening;

    private ModelTypes() {
    }

    /** Every well-formed contribution, sorted by id; malformed ones are logged and left out. */
    public static List<ModelTypeEntry> all() {
        List<ModelTypeEntry> entries = cached;
        if (entries == null) {
            listen();
            List<String> found = new java.util.ArrayList<>();
            entries = ModelTypeCatalog.read(RegistryFactory.getRegistry(), found::add);
            problems = List.copyOf(found);
            cached = entries;
        }
        return entries;
    }

    /** What was wrong with contributions left out of {@link #all()}, for `fluffy extensions` and logs. */
    public static List<String> problems() {
        all();
        return problems;
    }

    public static Optional<ModelTypeEntry> find(String id) {
        return all().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /**
     * @throws IllegalArgumentException listing the installed types when none has this id
     */
    public static ModelType require(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown model type '" + id
                + "'; installed: " + String.join(", ", all().stream().map(ModelTypeEntry::id).toList()))).create();
    }

    private static synchronized void listen() {
        if (listening) {
            return;
        }
        listening = true;
        RegistryFactory.getRegistry().addListener(new IRegistryEventListener() {
            @Override
            public void added(org.eclipse.core.runtime.IExtension[] extensions) {
                cached = null;
            }

            @Override
            public void removed(org.eclipse.core.runtime.IExtension[] extensions) {
                cached = null;
            }

            @Override
            public void added(org.eclipse.core.runtime.IExtensionPoint[] points) {
            }

            @Override
            public void removed(org.eclipse.core.runtime.IExtensionPoint[] points) {
            }
        }, ModelTypeCatalog.POINT);
    }
}

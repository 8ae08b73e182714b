package fluffy.models.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.ISafeRunnable;
import org.eclipse.core.runtime.SafeRunner;

import fluffy.models.ModelType;
import fluffy.models.ModelTypeEntry;

/** Reads the declarations of the model-type extension point. */
public final class ModelTypeCatalog {

    public static final String POINT = "fluffy.models.modelTypes";

    private static final Pattern ID = Pattern.compile("[a-zA-Z][a-zA-Z0-9._-]*");

    private ModelTypeCatalog() {
    }

    /**
     * Every well-formed declaration, sorted by id; each malformed or duplicate one is described to
     * {@code problems} and left out, so one broken bundle cannot hide the others.
     */
    public static List<ModelTypeEntry> read(IExtensionRegistry registry, Consumer<String> problems) {
        List<ModelTypeEntry> entries = new ArrayList<>();
        for (IConfigurationElement element : registry.getConfigurationElementsFor(POINT)) {
            String contributor = element.getContributor().getName();
            String id = element.getAttribute("id");
            String name = element.getAttribute("name");
            if (id == null || !ID.matcher(id).matches() || name == null || element.getAttribute("class") == null) {
                problems.accept("ignoring a malformed model type from bundle " + contributor + " (id '" + id + "')");
                continue;
            }
            if (entries.stream().anyMatch(e -> e.id().equals(id))) {
                problems.accept("model type '" + id + "' from bundle " + contributor + " is declared twice; ignored");
                continue;
            }
            String description = element.getAttribute("description");
            entries.add(new ModelTypeEntry(id, name, description == null ? "" : description, contributor,
                    () -> create(element)));
        }
        entries.sort(Comparator.comparing(ModelTypeEntry::id));
        return List.copyOf(entries);
    }

    /** Runs the contributed constructor through SafeRunner so a broken bundle is reported, not fatal. */
    private static ModelType create(IConfigurationElement element) {
        ModelType[] created = new ModelType[1];
        String[] failure = new String[1];
        SafeRunner.run(new ISafeRunnable() {
            @Override
            public void run() throws CoreException {
                Object o = element.createExecutableExtension("class");
                if (!(o instanceof ModelType type)) {
                    failure[0] = o.getClass().getName() + " does not implement " + ModelType.class.getName();
                    return;
                }
                created[0] = type;
            }

            @Override
            public void handleException(Throwable e) {
                failure[0] = e.getMessage();
            }
        });
        if (created[0] == null) {
            throw new IllegalStateException(failure[0]);
        }
        return created[0];
    }
}

package fluffy.models;

import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IExtensionRegistry;

import fluffy.core.extensions.ContributionRegistry;
import fluffy.models.internal.ModelTypeCatalog;

/**
 * The model types contributed to {@value ModelTypeCatalog#POINT} in the running platform, read once and
 * again whenever bundles contributing to the point come or go (a {@link ContributionRegistry}; tests make
 * their own over their own registry with {@link #registry}).
 */
public final class ModelTypes {

    private static volatile ContributionRegistry<ModelTypeEntry> platform;

    private ModelTypes() {
    }

    /** A registry of the model types in {@code registry}, for callers (tests) that bring their own. */
    public static ContributionRegistry<ModelTypeEntry> registry(IExtensionRegistry registry) {
        return ModelTypeCatalog.registry(registry);
    }

    private static ContributionRegistry<ModelTypeEntry> platform() {
        ContributionRegistry<ModelTypeEntry> r = platform;
        if (r == null) {
            synchronized (ModelTypes.class) {
                if (platform == null) {
                    platform = ModelTypeCatalog.registry(ContributionRegistry.platformRegistry());
                }
                r = platform;
            }
        }
        return r;
    }

    /** Every well-formed contribution, sorted by id; malformed ones are left out (see {@link #problems()}). */
    public static List<ModelTypeEntry> all() {
        return platform().all();
    }

    /** What was wrong with contributions left out of {@link #all()}, for `fluffy extensions` and the UI. */
    public static List<String> problems() {
        return platform().problems();
    }

    public static Optional<ModelTypeEntry> find(String id) {
        return platform().find(id);
    }

    /**
     * @throws IllegalArgumentException listing the installed types when none has this id
     */
    public static ModelType require(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown model type '" + id
                + "'; installed: " + String.join(", ", all().stream().map(ModelTypeEntry::id).toList()))).create();
    }

    /**
     * The type new trainings start from: the first declared {@code default="true"}, else the first by id.
     *
     * @throws IllegalStateException when no model type is installed
     */
    public static ModelTypeEntry defaultEntry() {
        return defaultOf(all());
    }

    /** {@link #defaultEntry()} among {@code entries}. */
    public static ModelTypeEntry defaultOf(List<ModelTypeEntry> entries) {
        return entries.stream().filter(ModelTypeEntry::isDefault).findFirst()
                .or(() -> entries.stream().findFirst())
                .orElseThrow(() -> new IllegalStateException("no model type is installed"));
    }
}

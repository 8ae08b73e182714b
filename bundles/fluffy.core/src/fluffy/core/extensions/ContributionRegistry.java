package fluffy.core.extensions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtension;
import org.eclipse.core.runtime.IExtensionPoint;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.IRegistryEventListener;
import org.eclipse.core.runtime.ISafeRunnable;
import org.eclipse.core.runtime.RegistryFactory;
import org.eclipse.core.runtime.SafeRunner;

/**
 * The one shape of Fluffy's registries of contributions (commands, image formats, model types): over an
 * injected {@link IExtensionRegistry} (the platform's, or a test's own), read on first use and read again
 * whenever a bundle contributing to the point comes or goes; every declaration read through
 * {@link SafeRunner}, so a broken one becomes a problem in words (collected, shown by
 * {@code fluffy extensions}) instead of an exception that hides the others; and keys unique, the first
 * declaration of a key winning.
 *
 * @param <T> what a declaration becomes; classes it names are created later, on use ({@link #create})
 */
public final class ContributionRegistry<T> implements IRegistryEventListener {

    /** Makes one declaration's entry. */
    @FunctionalInterface
    public interface Reader<T> {
        /** @throws IllegalArgumentException saying what is wrong with the declaration */
        T read(IConfigurationElement element);
    }

    private record Snapshot<T>(List<T> entries, List<String> problems) {
    }

    private final IExtensionRegistry registry;
    private final String point;
    private final String kind;
    private final Reader<T> reader;
    private final Function<T, String> key;
    private final Comparator<T> order;
    private volatile Snapshot<T> snapshot;

    /**
     * @param kind  what a declaration is, in words, for problems (e.g. {@code model type})
     * @param key   what must be unique among the entries (an id or a name)
     * @param order how {@link #all()} is sorted
     */
    public ContributionRegistry(IExtensionRegistry registry, String point, String kind, Reader<T> reader,
            Function<T, String> key, Comparator<T> order) {
        this.registry = registry;
        this.point = point;
        this.kind = kind;
        this.reader = reader;
        this.key = key;
        this.order = order;
        registry.addListener(this, point);
    }

    /** The running platform's registry. */
    public static IExtensionRegistry platformRegistry() {
        IExtensionRegistry registry = RegistryFactory.getRegistry();
        if (registry == null) {
            throw new IllegalStateException("the extension registry is not running");
        }
        return registry;
    }

    public String point() {
        return point;
    }

    /** Every well-formed declaration with a free key, in the registry's order. */
    public List<T> all() {
        return current().entries();
    }

    /** Why declarations were left out of {@link #all()}, one sentence each naming the bundle. */
    public List<String> problems() {
        return current().problems();
    }

    public Optional<T> find(String wanted) {
        return all().stream().filter(e -> key.apply(e).equals(wanted)).findFirst();
    }

    /** Stops following the registry (for registries made for a while, e.g. in tests). */
    public void dispose() {
        registry.removeListener(this);
    }

    private Snapshot<T> current() {
        Snapshot<T> s = snapshot;
        if (s == null) {
            s = read();
            snapshot = s;
        }
        return s;
    }

    private Snapshot<T> read() {
        List<T> entries = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (IConfigurationElement element : registry.getConfigurationElementsFor(point)) {
            String contributor = element.getContributor().getName();
            SafeRunner.run(new ISafeRunnable() {
                @Override
                public void run() {
                    T entry;
                    try {
                        entry = reader.read(element);
                    } catch (IllegalArgumentException e) {
                        // A malformed declaration is the contributor's mistake: said, not logged as a crash.
                        problems.add("ignoring a malformed " + kind + " from bundle " + contributor + ": "
                                + e.getMessage());
                        return;
                    }
                    String k = key.apply(entry);
                    int taken = entries.stream().map(key).toList().indexOf(k);
                    if (taken >= 0) {
                        problems.add(kind + " '" + k + "' from bundle " + contributor + " clashes with the one from "
                                + owners.get(taken) + " and is ignored");
                    } else {
                        entries.add(entry);
                        owners.add(contributor);
                    }
                }

                @Override
                public void handleException(Throwable e) {
                    problems.add("ignoring a " + kind + " from bundle " + contributor + " that could not be read: "
                            + e);
                }
            });
        }
        entries.sort(order);
        return new Snapshot<>(List.copyOf(entries), List.copyOf(problems));
    }

    /** The declaration's attribute, required: a clear problem when it is missing or blank. */
    public static String required(IConfigurationElement element, String attribute) {
        String value = element.getAttribute(attribute);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the attribute '" + attribute + "' is missing");
        }
        return value;
    }

    /** The declaration's attribute, or {@code fallback} when it is absent. */
    public static String optional(IConfigurationElement element, String attribute, String fallback) {
        String value = element.getAttribute(attribute);
        return value == null ? fallback : value;
    }

    /**
     * Creates the class a declaration names, through SafeRunner, checking its type.
     *
     * @throws IllegalStateException saying which class could not be created or is of the wrong type
     */
    public static <C> C create(IConfigurationElement element, String attribute, Class<C> type) {
        List<C> created = new ArrayList<>(1);
        String[] failure = {null};
        SafeRunner.run(new ISafeRunnable() {
            @Override
            public void run() throws CoreException {
                Object o = element.createExecutableExtension(attribute);
                if (type.isInstance(o)) {
                    created.add(type.cast(o));
                } else {
                    failure[0] = o.getClass().getName() + " does not implement " + type.getName();
                }
            }

            @Override
            public void handleException(Throwable e) {
                failure[0] = e instanceof CoreException c ? c.getStatus().getMessage() : String.valueOf(e.getMessage());
            }
        });
        if (created.isEmpty()) {
            throw new IllegalStateException(failure[0]);
        }
        return created.get(0);
    }

    @Override
    public void added(IExtension[] extensions) {
        snapshot = null;
    }

    @Override
    public void removed(IExtension[] extensions) {
        snapshot = null;
    }

    @Override
    public void added(IExtensionPoint[] points) {
        snapshot = null;
    }

    @Override
    public void removed(IExtensionPoint[] points) {
        snapshot = null;
    }
}

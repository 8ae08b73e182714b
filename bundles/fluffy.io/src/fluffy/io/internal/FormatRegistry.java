package fluffy.io.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtension;
import org.eclipse.core.runtime.IExtensionPoint;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.IRegistryEventListener;
import org.eclipse.core.runtime.RegistryFactory;

import fluffy.io.ImageFormat;

/**
 * The contributions to {@value #POINT}, read once and read again whenever a bundle contributing to it
 * comes or goes (the registry tells us through {@link IRegistryEventListener}).
 */
public final class FormatRegistry implements IRegistryEventListener {

    public static final String POINT = "fluffy.io.imageFormats";

    private static final Comparator<FormatContribution> BY_PRIORITY = Comparator
            .comparingInt((FormatContribution c) -> -c.format().priority()).thenComparing(c -> c.format().id());

    private final IExtensionRegistry registry;
    private volatile List<FormatContribution> contributions;
    private volatile List<String> problems = List.of();

    public FormatRegistry(IExtensionRegistry registry) {
        this.registry = registry;
        registry.addListener(this, POINT);
    }

    /** The registry of the running platform. */
    public static FormatRegistry platform() {
        IExtensionRegistry registry = RegistryFactory.getRegistry();
        if (registry == null) {
            throw new IllegalStateException("the extension registry is not running");
        }
        return new FormatRegistry(registry);
    }

    /** Every well-formed contribution, highest priority first. */
    List<FormatContribution> contributions() {
        List<FormatContribution> current = contributions;
        if (current == null) {
            current = read();
            contributions = current;
        }
        return current;
    }

    /** The metadata of {@link #contributions()}. */
    public List<ImageFormat> formats() {
        return contributions().stream().map(FormatContribution::format).toList();
    }

    /** Malformed or clashing declarations that were left out, one sentence each. */
    public List<String> problems() {
        contributions();
        return problems;
    }

    private List<FormatContribution> read() {
        List<FormatContribution> list = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (IConfigurationElement element : registry.getConfigurationElementsFor(POINT)) {
            FormatContribution contribution = FormatContribution.of(element);
            if (contribution == null) {
                found.add("ignoring a malformed image format from bundle "
                        + element.getContributor().getName() + " (id, name, sniffer and reader are required)");
            } else if (list.stream().anyMatch(c -> c.format().id().equals(contribution.format().id()))) {
                found.add("ignoring image format " + contribution.format().id()
                        + " from bundle " + element.getContributor().getName() + ": the id is taken");
            } else {
                list.add(contribution);
            }
        }
        list.sort(BY_PRIORITY);
        problems = List.copyOf(found);
        return List.copyOf(list);
    }

    @Override
    public void added(IExtension[] extensions) {
        contributions = null;
    }

    @Override
    public void removed(IExtension[] extensions) {
        contributions = null;
    }

    @Override
    public void added(IExtensionPoint[] extensionPoints) {
        contributions = null;
    }

    @Override
    public void removed(IExtensionPoint[] extensionPoints) {
        contributions = null;
    }
}

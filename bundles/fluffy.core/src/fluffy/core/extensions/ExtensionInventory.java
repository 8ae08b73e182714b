package fluffy.core.extensions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtension;
import org.eclipse.core.runtime.IExtensionPoint;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;

/**
 * Reads which bundles contribute to Fluffy's extension points (every point whose id starts with
 * {@value #NAMESPACE}) and what they contribute. Only metadata from {@code plugin.xml} is read: no
 * contributed class is loaded, so a broken extension cannot break the listing.
 */
public final class ExtensionInventory {

    /** Namespace of Fluffy's own bundles and extension points; reserved for the product. */
    public static final String NAMESPACE = "fluffy.";

    private static final Comparator<ContributingBundle> EXTENSIONS_FIRST =
            Comparator.comparing(ContributingBundle::builtIn).thenComparing(ContributingBundle::symbolicName);

    private ExtensionInventory() {
    }

    /** Fluffy's extension points in the registry, sorted by id. */
    public static List<ExtensionPointInfo> extensionPoints(IExtensionRegistry registry) {
        List<ExtensionPointInfo> points = new ArrayList<>();
        for (IExtensionPoint point : registry.getExtensionPoints()) {
            if (point.getUniqueIdentifier().startsWith(NAMESPACE)) {
                points.add(new ExtensionPointInfo(point.getUniqueIdentifier(), point.getLabel()));
            }
        }
        points.sort(Comparator.comparing(ExtensionPointInfo::id));
        return points;
    }

    /** Every bundle contributing to a Fluffy extension point: installed extensions first, then built-ins. */
    public static List<ContributingBundle> read(IExtensionRegistry registry) {
        Map<String, List<Contribution>> byBundle = new TreeMap<>();
        for (ExtensionPointInfo point : extensionPoints(registry)) {
            String pointId = point.id();
            for (IExtension extension : registry.getExtensionPoint(pointId).getExtensions()) {
                List<Contribution> list =
                        byBundle.computeIfAbsent(extension.getContributor().getName(), k -> new ArrayList<>());
                for (IConfigurationElement element : extension.getConfigurationElements()) {
                    list.add(describe(pointId, element));
                }
            }
        }
        List<ContributingBundle> bundles = new ArrayList<>();
        byBundle.forEach((name, contributions) -> bundles.add(
                new ContributingBundle(name, versionOf(name), name.startsWith(NAMESPACE), contributions)));
        bundles.sort(EXTENSIONS_FIRST);
        return bundles;
    }

    private static Contribution describe(String pointId, IConfigurationElement element) {
        String id = firstOf(element, "id", "name");
        String description = firstOf(element, "description", "summary", "name");
        if (description.equals(id)) {
            description = "";
        }
        return new Contribution(pointId, element.getName(), id, description);
    }

    private static String firstOf(IConfigurationElement element, String... attributes) {
        for (String attribute : attributes) {
            String value = element.getAttribute(attribute);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return "";
    }

    /** Version of the installed bundle with that name (the highest, if several are installed). */
    private static String versionOf(String symbolicName) {
        Bundle self = FrameworkUtil.getBundle(ExtensionInventory.class);
        BundleContext context = self == null ? null : self.getBundleContext();
        if (context == null) {
            return "unknown";
        }
        Version best = null;
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())
                    && (best == null || bundle.getVersion().compareTo(best) > 0)) {
                best = bundle.getVersion();
            }
        }
        return best == null ? "unknown" : best.toString();
    }
}

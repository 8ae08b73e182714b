package fluffy.models.internal;

import java.util.Comparator;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;

import fluffy.core.extensions.ContributionRegistry;
import fluffy.models.ModelType;
import fluffy.models.ModelTypeEntry;

/** The declarations of the model-type extension point: its names, and how one declaration is read. */
public final class ModelTypeCatalog {

    public static final String POINT = "fluffy.models.modelTypes";
    public static final String ID = "id";
    public static final String NAME = "name";
    public static final String DESCRIPTION = "description";
    public static final String DEFAULT = "default";
    public static final String CLASS = "class";

    private static final Pattern ID_PATTERN = Pattern.compile("[a-zA-Z][a-zA-Z0-9._-]*");

    private ModelTypeCatalog() {
    }

    /** A registry of the model types declared in {@code registry}, sorted by id. */
    public static ContributionRegistry<ModelTypeEntry> registry(IExtensionRegistry registry) {
        return new ContributionRegistry<>(registry, POINT, "model type", ModelTypeCatalog::entry, ModelTypeEntry::id,
                Comparator.comparing(ModelTypeEntry::id));
    }

    /** @throws IllegalArgumentException saying what is wrong with the declaration */
    static ModelTypeEntry entry(IConfigurationElement element) {
        String id = ContributionRegistry.required(element, ID);
        if (!ID_PATTERN.matcher(id).matches()) {
            throw new IllegalArgumentException("the id '" + id + "' is not letters, digits, '.', '_' and '-' "
                    + "starting with a letter");
        }
        String name = ContributionRegistry.required(element, NAME);
        ContributionRegistry.required(element, CLASS);
        return new ModelTypeEntry(id, name, ContributionRegistry.optional(element, DESCRIPTION, ""),
                element.getContributor().getName(),
                Boolean.parseBoolean(ContributionRegistry.optional(element, DEFAULT, "false")),
                () -> ContributionRegistry.create(element, CLASS, ModelType.class));
    }
}

package fluffy.models;

import java.util.function.Supplier;

/**
 * A model type as declared in a bundle's plugin.xml: what the UI lists without loading any code, and a
 * way to create the implementation.
 *
 * @param contributor the symbolic name of the contributing bundle
 * @param isDefault   whether the declaration says it is the type new trainings start from
 */
public record ModelTypeEntry(String id, String name, String description, String contributor, boolean isDefault,
        Supplier<ModelType> factory) {

    /**
     * Creates the implementation.
     *
     * @throws IllegalStateException naming the contributing bundle when it cannot be created or its id
     *                               differs from the declared one
     */
    public ModelType create() {
        ModelType type;
        try {
            type = factory.get();
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("model type '" + id + "' from bundle " + contributor
                    + " could not be created: " + e.getMessage(), e);
        }
        if (!type.id().equals(id)) {
            throw new IllegalStateException("model type declared as '" + id + "' by bundle " + contributor
                    + " reports the id '" + type.id() + "'");
        }
        return type;
    }
}

package fluffy.core.extensions;

/**
 * One element a bundle contributes to a Fluffy extension point, as declared in its {@code plugin.xml}.
 *
 * @param extensionPoint the point's unique id, e.g. {@code fluffy.headless.commands}
 * @param kind           the element name, e.g. {@code command}
 * @param id             the element's id (or name, for contributions identified by name)
 * @param description    what the contribution says of itself; empty when it says nothing
 */
public record Contribution(String extensionPoint, String kind, String id, String description) {
}

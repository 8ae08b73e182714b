package fluffy.core.extensions;

/**
 * One of Fluffy's extension points.
 *
 * @param id    unique id, e.g. {@code fluffy.headless.commands}
 * @param label its human-readable name from {@code plugin.xml}
 */
public record ExtensionPointInfo(String id, String label) {
}

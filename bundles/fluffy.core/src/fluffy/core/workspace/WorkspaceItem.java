package fluffy.core.workspace;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One image of a workspace under its item name (the file name up to the first dot; slices of a stack
 * are {@code <name>_<i>}).
 *
 * @param raw   the file in {@code Raw/} it comes from, when there is one
 * @param state how far it has come
 */
public record WorkspaceItem(String name, Optional<Path> raw, ItemState state) {
}

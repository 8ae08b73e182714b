package fluffy.core.extensions;

import java.util.List;

/**
 * A bundle and everything it contributes to Fluffy's extension points.
 *
 * @param builtIn whether the bundle is part of Fluffy itself (symbolic name in the reserved
 *                {@code fluffy.} namespace) rather than an installed extension
 */
public record ContributingBundle(String symbolicName, String version, boolean builtIn,
        List<Contribution> contributions) {

    public ContributingBundle {
        contributions = List.copyOf(contributions);
    }
}

package fluffy.headless;

import java.util.List;

import fluffy.core.extensions.ContributionRegistry;

/** What the running platform's command contributions say about themselves, for {@code fluffy extensions}. */
public final class Commands {

    private Commands() {
    }

    /** Command declarations left out of the CLI (malformed, or a name already taken), one sentence each. */
    public static List<String> problems() {
        return fluffy.headless.internal.CommandCatalog.problems(ContributionRegistry.platformRegistry());
    }
}

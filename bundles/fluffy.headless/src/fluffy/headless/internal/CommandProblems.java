package fluffy.headless.internal;

import java.util.List;

import org.eclipse.core.runtime.IExtensionRegistry;

import fluffy.core.extensions.ContributionRegistry;

/** The problems of the command declarations in a registry, read once (the CLI reads them at start). */
public final class CommandProblems {

    private CommandProblems() {
    }

    public static List<String> of(IExtensionRegistry registry) {
        ContributionRegistry<CommandEntry> commands = CommandCatalog.registry(registry);
        try {
            return commands.problems();
        } finally {
            commands.dispose();
        }
    }
}

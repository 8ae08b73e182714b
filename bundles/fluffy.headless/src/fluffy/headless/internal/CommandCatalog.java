package fluffy.headless.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;

import fluffy.headless.Command;

/** Reads the commands contributed to {@value #POINT}. */
final class CommandCatalog {

    static final String POINT = "fluffy.headless.commands";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private CommandCatalog() {
    }

    /**
     * Every well-formed command declaration, sorted by name. Malformed ones and name clashes are
     * reported on {@code warnings} and left out, so one broken extension cannot disable the CLI.
     */
    static List<CommandEntry> read(IExtensionRegistry registry, PrintStream warnings) {
        List<CommandEntry> entries = new ArrayList<>();
        for (IConfigurationElement element : registry.getConfigurationElementsFor(POINT)) {
            String contributor = element.getContributor().getName();
            String name = element.getAttribute("name");
            String summary = element.getAttribute("summary");
            if (name == null || !NAME.matcher(name).matches() || element.getAttribute("class") == null) {
                warnings.printf("fluffy: ignoring a malformed command from bundle %s (name '%s')%n", contributor, name);
                continue;
            }
            CommandEntry clash = entries.stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
            if (clash != null) {
                warnings.printf("fluffy: command '%s' from bundle %s clashes with the one from %s and is ignored%n",
                        name, contributor, clash.contributor());
                continue;
            }
            entries.add(new CommandEntry(name, summary == null ? "" : summary, contributor, () -> create(element)));
        }
        entries.sort(Comparator.comparing(CommandEntry::name));
        return entries;
    }

    private static Command create(IConfigurationElement element) {
        try {
            Object created = element.createExecutableExtension("class");
            if (created instanceof Command command) {
                return command;
            }
            throw new IllegalStateException(created.getClass().getName() + " does not implement "
                    + Command.class.getName());
        } catch (CoreException e) {
            throw new IllegalStateException(e.getStatus().getMessage(), e);
        }
    }
}

package fluffy.headless.internal;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;

import fluffy.core.extensions.ContributionRegistry;
import fluffy.headless.Command;

/** The commands contributed to {@value #POINT}: the point's names, and how one declaration is read. */
public final class CommandCatalog {

    static final String POINT = "fluffy.headless.commands";
    static final String NAME = "name";
    static final String SUMMARY = "summary";
    static final String CLASS = "class";

    private static final Pattern NAME_PATTERN = Pattern.compile("[a-z][a-z0-9-]*");

    private CommandCatalog() {
    }

    /** A registry of the commands declared in {@code registry}, sorted by name. */
    static ContributionRegistry<CommandEntry> registry(IExtensionRegistry registry) {
        return new ContributionRegistry<>(registry, POINT, "command", CommandCatalog::entry, CommandEntry::name,
                Comparator.comparing(CommandEntry::name));
    }

    /**
     * Every well-formed command declaration, sorted by name. Malformed ones and name clashes are
     * reported on {@code warnings} and left out, so one broken extension cannot disable the CLI.
     */
    static List<CommandEntry> read(IExtensionRegistry registry, PrintStream warnings) {
        ContributionRegistry<CommandEntry> commands = registry(registry);
        try {
            commands.problems().forEach(p -> warnings.println("fluffy: " + p));
            return commands.all();
        } finally {
            commands.dispose();
        }
    }

    /** What was wrong with the command declarations in {@code registry}, one sentence each. */
    public static List<String> problems(IExtensionRegistry registry) {
        ContributionRegistry<CommandEntry> commands = registry(registry);
        try {
            return commands.problems();
        } finally {
            commands.dispose();
        }
    }

    /** @throws IllegalArgumentException saying what is wrong with the declaration */
    private static CommandEntry entry(IConfigurationElement element) {
        String name = ContributionRegistry.required(element, NAME);
        if (!NAME_PATTERN.matcher(name).matches()) {
            throw new IllegalArgumentException("the name '" + name + "' is not lower-case letters, digits and '-'");
        }
        ContributionRegistry.required(element, CLASS);
        return new CommandEntry(name, ContributionRegistry.optional(element, SUMMARY, ""),
                element.getContributor().getName(), () -> ContributionRegistry.create(element, CLASS, Command.class));
    }
}

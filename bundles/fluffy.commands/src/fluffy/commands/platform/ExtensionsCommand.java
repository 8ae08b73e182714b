package fluffy.commands.platform;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;

import fluffy.core.extensions.ContributingBundle;
import fluffy.core.extensions.Contribution;
import fluffy.core.extensions.ExtensionInventory;
import fluffy.core.extensions.ExtensionPointInfo;
import fluffy.headless.Arguments;
import fluffy.headless.Command;
import fluffy.headless.CommandContext;
import fluffy.headless.Commands;
import fluffy.headless.ExitCodes;
import fluffy.headless.UsageException;
import fluffy.io.ImageFormats;
import fluffy.models.ModelTypes;

/** {@code fluffy extensions}: Fluffy's extension points, and which bundles contribute what. */
public final class ExtensionsCommand implements Command {

    @Override
    public String usage() {
        return """
                Usage: fluffy extensions

                Lists Fluffy's extension points, then every installed extension bundle and what it
                contributes, then the built-in bundles' contributions, then the declarations that were
                left out (malformed, or a name or id already taken) and why.
                """;
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException {
        Arguments.expectNone(arguments);
        IExtensionRegistry registry = RegistryFactory.getRegistry();
        if (registry == null) {
            throw new IllegalStateException("the extension registry is not running");
        }
        List<String> problems = new ArrayList<>(Commands.problems());
        problems.addAll(ModelTypes.problems());
        problems.addAll(ImageFormats.platform().problems());
        print(context.out(), ExtensionInventory.extensionPoints(registry), ExtensionInventory.read(registry), problems);
        return ExitCodes.OK;
    }

    static void print(PrintStream out, List<ExtensionPointInfo> points, List<ContributingBundle> bundles,
            List<String> problems) {
        out.println("Extension points:");
        for (ExtensionPointInfo point : points) {
            out.printf("  %s  %s%n", point.id(), point.label());
        }
        List<ContributingBundle> installed = bundles.stream().filter(b -> !b.builtIn()).toList();
        out.println();
        out.println("Installed extensions:");
        if (installed.isEmpty()) {
            out.println("  none (see the README, \"Installing an extension bundle\")");
        }
        installed.forEach(b -> printBundle(out, b));
        out.println();
        out.println("Built in:");
        bundles.stream().filter(ContributingBundle::builtIn).forEach(b -> printBundle(out, b));
        out.println();
        out.println("Problems:");
        if (problems.isEmpty()) {
            out.println("  none");
        }
        problems.forEach(p -> out.println("  " + p));
    }

    private static void printBundle(PrintStream out, ContributingBundle bundle) {
        out.printf("  %s %s%n", bundle.symbolicName(), bundle.version());
        for (Contribution c : bundle.contributions()) {
            out.printf("    %s %s%s   (%s)%n", c.kind(), c.id(),
                    c.description().isEmpty() ? "" : ": " + c.description(), c.extensionPoint());
        }
    }
}

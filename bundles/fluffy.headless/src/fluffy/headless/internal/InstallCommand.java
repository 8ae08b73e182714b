package fluffy.headless.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import fluffy.headless.Arguments;
import fluffy.headless.Command;
import fluffy.headless.CommandContext;
import fluffy.headless.ExitCodes;
import fluffy.headless.UsageException;

/** {@code fluffy install}: installs extension features from a p2 repository into this installation. */
public final class InstallCommand implements Command {

    @Override
    public String usage() {
        return """
                Usage: fluffy install --repository REPOSITORY FEATURE...

                  --repository   a p2 repository: a folder, a .zip of one, or a file:/http: URI
                  FEATURE        a feature id, e.g. org.example.fluffy.imageinfo.feature (or its
                                 p2 unit id, the same with .feature.group appended)

                Installed features are active from the next start of Fluffy. Remove them with
                'fluffy uninstall FEATURE...'.
                """;
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws Exception {
        Arguments args = Arguments.parse(arguments, Set.of());
        String repository = repositoryUri(args.require("repository"));
        args.finish();
        List<String> units = units(args.positional());
        int exit = P2Director.run(Installation.current(),
                List.of("-repository", repository, "-installIU", String.join(",", units)));
        if (exit != 0) {
            context.err().printf("fluffy install: the p2 director failed (exit %d); nothing was installed%n", exit);
            return ExitCodes.FAILED;
        }
        context.out().println("Installed " + String.join(", ", args.positional())
                + ". It is active from the next start of Fluffy.");
        return ExitCodes.OK;
    }

    static List<String> units(List<String> features) throws UsageException {
        if (features.isEmpty()) {
            throw new UsageException("no feature given");
        }
        List<String> units = new ArrayList<>();
        features.forEach(f -> units.add(P2Director.unitId(f)));
        return units;
    }

    /** A local folder or zip becomes a file: (or jar:) URI; anything else is taken as a URI already. */
    static String repositoryUri(String repository) throws UsageException {
        Path local = Path.of(repository).toAbsolutePath().normalize();
        if (Files.isDirectory(local)) {
            return local.toUri().toString();
        }
        if (Files.isRegularFile(local) && local.toString().endsWith(".zip")) {
            return "jar:" + local.toUri() + "!/";
        }
        if (repository.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !repository.matches("[a-zA-Z]:\\\\.*")) {
            return repository;
        }
        throw new UsageException("repository not found: " + repository);
    }
}

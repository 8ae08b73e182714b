package fluffy.commands.data;

import java.io.IOException;
import java.nio.file.Path;

import fluffy.core.workspace.Workspace;
import fluffy.headless.Arguments;
import fluffy.headless.UsageException;

/** The one positional argument every data command takes: the workspace folder. */
final class WorkspaceArgument {

    private WorkspaceArgument() {
    }

    static Path folder(Arguments args) throws UsageException {
        args.finish();
        if (args.positional().size() != 1) {
            throw new UsageException(args.positional().isEmpty() ? "no workspace folder given"
                    : "one workspace folder expected, got " + args.positional().size() + ": " + args.positional());
        }
        return Path.of(args.positional().get(0)).toAbsolutePath().normalize();
    }

    /** Opens an existing workspace; the message says to run {@code fluffy init} when it is none. */
    static Workspace open(Arguments args) throws UsageException, IOException {
        return Workspace.open(folder(args));
    }
}

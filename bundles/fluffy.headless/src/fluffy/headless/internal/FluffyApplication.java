package fluffy.headless.internal;

import java.util.List;

import org.eclipse.core.runtime.RegistryFactory;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/**
 * The batch application ({@code fluffy.headless.app}). It only collects the arguments and the
 * contributed commands; {@link Cli} does the rest and its result is the process exit code.
 */
public final class FluffyApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        context.applicationRunning();
        boolean debug = System.getenv("FLUFFY_DEBUG") != null && !System.getenv("FLUFFY_DEBUG").isEmpty();
        List<CommandEntry> commands = CommandCatalog.read(RegistryFactory.getRegistry(), System.err);
        int code = new Cli(commands, System.out, System.err, debug).run(args == null ? new String[0] : args);
        System.out.flush();
        return Integer.valueOf(code);
    }

    @Override
    public void stop() {
        // Commands are synchronous and end with the process; nothing to stop.
    }
}

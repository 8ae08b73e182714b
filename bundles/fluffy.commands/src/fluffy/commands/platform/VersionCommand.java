package fluffy.commands.platform;

import java.util.List;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import fluffy.headless.Arguments;
import fluffy.headless.Command;
import fluffy.headless.CommandContext;
import fluffy.headless.ExitCodes;
import fluffy.headless.UsageException;
import fluffy.io.ImageFormats;
import fluffy.runtime.DeviceRequest;
import fluffy.runtime.RuntimeReport;

/** {@code fluffy version}: what runs, where, and on which device. */
public final class VersionCommand implements Command {

    @Override
    public String usage() {
        return """
                Usage: fluffy version [--device auto|cpu|cuda[:N]]

                  --device   the device to report on (default: $FLUFFY_DEVICE, else auto)

                Exits with 1 when ONNX Runtime cannot be loaded or the requested device is unusable.
                """;
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException {
        Arguments args = Arguments.parse(arguments, Set.of());
        DeviceRequest request = parseDevice(args.value("device").orElse(null));
        args.finish();
        args.noPositional();
        RuntimeReport report = RuntimeReport.collect(request);
        context.out().println("Fluffy Workbench " + productVersion());
        report.lines().forEach(context.out()::println);
        ImageFormats.platform().setups().forEach(line -> context.out().println("Image reader " + line));
        return report.usable() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    static DeviceRequest parseDevice(String option) throws UsageException {
        try {
            return option == null ? DeviceRequest.fromEnvironment() : DeviceRequest.parse(option);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String productVersion() {
        Bundle bundle = FrameworkUtil.getBundle(VersionCommand.class);
        return bundle == null ? "(development build)" : bundle.getVersion().toString();
    }
}

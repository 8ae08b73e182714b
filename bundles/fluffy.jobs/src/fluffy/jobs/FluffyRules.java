package fluffy.jobs;

import java.nio.file.Path;

import org.eclipse.core.runtime.jobs.ISchedulingRule;

import fluffy.runtime.Device;

/**
 * The scheduling rules of Fluffy's jobs, one kind of rule each resource: a device runs one training or
 * prediction at a time (two on the same GPU or CPU only slow each other down and can exhaust its memory),
 * and a workspace takes one writing step at a time (preparing, building label maps, importing and the
 * editor's save all write {@code Labeling/} and {@code Processed/}).
 */
public final class FluffyRules {

    private FluffyRules() {
    }

    public static ISchedulingRule device(Device device) {
        return new Resource("device", device);
    }

    public static ISchedulingRule workspace(Path root) {
        return new Resource("workspace", root.toAbsolutePath().normalize());
    }

    /** Conflicts with itself only: two devices, or two workspaces, are independent. */
    private record Resource(String kind, Object key) implements ISchedulingRule {

        @Override
        public boolean contains(ISchedulingRule rule) {
            return equals(rule);
        }

        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return equals(rule);
        }
    }
}

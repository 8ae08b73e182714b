package fluffy.jobs;

import org.eclipse.core.runtime.jobs.ISchedulingRule;

import fluffy.runtime.Device;

/**
 * One job at a time per device: two trainings (or a training and a prediction) on the same GPU or on the
 * CPU would only slow each other down and could exhaust its memory, so the job manager runs them in turn.
 */
public record DeviceRule(Device device) implements ISchedulingRule {

    @Override
    public boolean contains(ISchedulingRule rule) {
        return equals(rule);
    }

    @Override
    public boolean isConflicting(ISchedulingRule rule) {
        return equals(rule);
    }
}

package fluffy.io.prepare;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

/**
 * The loop every workspace step runs: one unit of progress per input, its name as the sub-task,
 * cancellation checked between inputs, and each report passed on as soon as it exists. Steps never
 * throw for one bad input; they return a failed report, so the loop always reaches the end.
 */
final class BatchLoop {

    private BatchLoop() {
    }

    static <T> List<FileReport> run(String task, List<T> inputs, Function<T, String> name,
            Function<T, FileReport> step, Consumer<FileReport> each, IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, task, inputs.size());
        List<FileReport> reports = new ArrayList<>();
        for (T input : inputs) {
            progress.checkCanceled();
            progress.subTask(name.apply(input));
            FileReport report = step.apply(input);
            reports.add(report);
            each.accept(report);
            progress.worked(1);
        }
        return reports;
    }
}

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
 * throw for one bad input; they return a failed report, so the loop goes on. A step that finds its output
 * folder unusable for every input ({@link fluffy.core.files.OutputFaults}: no space, read-only) throws
 * {@link OutputFault}: that input is reported with the cause and the loop stops there, with one message.
 */
final class BatchLoop {

    /** Thrown by a step whose output folder cannot take any more: the batch stops at this input. */
    static final class OutputFault extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final java.nio.file.Path input;

        OutputFault(java.nio.file.Path input, String fault, Throwable cause) {
            super(fault, cause);
            this.input = input;
        }
    }

    /**
     * Throws {@link OutputFault} when {@code e} makes {@code outputFolder} unusable; returns otherwise, for
     * the step to report {@code e} as the input's own failure.
     */
    static void stopOnOutputFault(java.nio.file.Path input, Throwable e, java.nio.file.Path outputFolder) {
        String fault = fluffy.core.files.OutputFaults.describe(e, outputFolder);
        if (fault != null) {
            throw new OutputFault(input, fault, e);
        }
    }

    private BatchLoop() {
    }

    static <T> List<FileReport> run(String task, List<T> inputs, Function<T, String> name,
            Function<T, FileReport> step, Consumer<FileReport> each, IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, task, inputs.size());
        List<FileReport> reports = new ArrayList<>();
        for (T input : inputs) {
            progress.checkCanceled();
            progress.subTask(name.apply(input));
            FileReport report;
            try {
                report = step.apply(input);
            } catch (OutputFault e) {
                int left = inputs.size() - reports.size() - 1;
                report = FileReport.failed(e.input, e.getMessage() + "; the batch stopped here (" + left
                        + " not tried); run it again once that is fixed");
                reports.add(report);
                each.accept(report);
                return reports;
            }
            reports.add(report);
            each.accept(report);
            progress.worked(1);
        }
        return reports;
    }
}

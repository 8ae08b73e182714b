package fluffy.commands.data;

import java.util.List;
import java.util.function.Consumer;

import fluffy.headless.CommandContext;
import fluffy.headless.ExitCodes;
import fluffy.headless.ProgressBar;
import fluffy.io.prepare.FileReport;

/**
 * The per-file summary of a batch command: one line per file on standard output as soon as it is done
 * (failures on standard error, where the exit code says to look), warnings indented below, a closing
 * count, and the exit code that the counts call for.
 */
final class BatchPrinter implements Consumer<FileReport> {

    private final CommandContext context;
    private final ProgressBar bar;
    private final String verb;

    /** @param verb what was done to a file, e.g. {@code prepared} */
    BatchPrinter(CommandContext context, ProgressBar bar, String verb) {
        this.context = context;
        this.bar = bar;
        this.verb = verb;
    }

    @Override
    public void accept(FileReport report) {
        bar.clear();
        (report.failed() ? context.err() : context.out()).println(report.line(verb));
        for (String warning : report.warnings()) {
            context.out().println("    warning: " + warning);
        }
    }

    /** Prints the counts and returns OK, PARTIAL (some failed) or FAILED (all failed). */
    int finish(List<FileReport> reports) {
        long done = count(reports, FileReport.Status.DONE);
        long kept = count(reports, FileReport.Status.KEPT);
        long ignored = count(reports, FileReport.Status.IGNORED);
        long failed = count(reports, FileReport.Status.FAILED);
        context.out().printf("%d %s, %d kept (annotated), %d ignored, %d failed%n", done, verb, kept, ignored, failed);
        if (failed == 0) {
            return ExitCodes.OK;
        }
        context.err().printf("%d of %d failed; see the lines marked FAILED above%n", failed, reports.size());
        return done + kept > 0 ? ExitCodes.PARTIAL : ExitCodes.FAILED;
    }

    private static long count(List<FileReport> reports, FileReport.Status status) {
        return reports.stream().filter(r -> r.status() == status).count();
    }
}

package fluffy.jobs;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;

import fluffy.core.workspace.Workspace;
import fluffy.io.ImageFormats;
import fluffy.io.prepare.FileReport;
import fluffy.io.prepare.Labelling;
import fluffy.io.prepare.PrepareOptions;
import fluffy.io.prepare.Preparation;
import fluffy.io.prepare.RawImport;

/**
 * A workspace step (import, prepare, build label maps, rebuild one item's label map) as a {@link FluffyJob}
 * over the headless API, keeping every file's report for the summary. One step at a time per workspace
 * ({@link FluffyRules#workspace}): all of them write into Labeling/ and Processed/.
 */
public final class WorkspaceJob extends FluffyJob {

    /** The synchronous step: reports each file as it is done, honours the monitor's cancellation. */
    @FunctionalInterface
    interface Step {
        List<FileReport> run(Consumer<FileReport> each, IProgressMonitor monitor) throws IOException;
    }

    private final Step step;
    private final String verb;
    private final List<FileReport> reports = new CopyOnWriteArrayList<>();
    private final List<Consumer<FileReport>> listeners = new CopyOnWriteArrayList<>();

    private final Workspace workspace;

    WorkspaceJob(String name, String verb, Workspace workspace, Step step) {
        super(name, FluffyJobs.WORKSPACE);
        this.step = step;
        this.verb = verb;
        this.workspace = workspace;
    }

    public static WorkspaceJob prepare(Workspace ws, PrepareOptions options) {
        return new WorkspaceJob("Preparing the raw images of " + ws.root().getFileName(), "prepared", ws,
                new Preparation(ws, options, ImageFormats.platform())::run);
    }

    public static WorkspaceJob buildLabelMaps(Workspace ws, boolean writeMasks) {
        return new WorkspaceJob("Building the label maps of " + ws.root().getFileName(), "labelled", ws,
                new Labelling(ws, writeMasks, ImageFormats.platform())::run);
    }

    /** Copies image files (chosen in a dialog or dropped on the navigator) into Raw/. */
    /** Rebuilds one item's label map from its annotation (the editor's Save). */
    public static WorkspaceJob buildLabelMap(Workspace ws, String name) {
        return new WorkspaceJob("Building the label map of " + name, "labelled", ws,
                (each, monitor) -> {
                    FileReport report = new Labelling(ws, false, ImageFormats.platform()).label(name);
                    each.accept(report);
                    return List.of(report);
                });
    }

    public static WorkspaceJob importImages(Workspace ws, List<java.nio.file.Path> files) {
        return new WorkspaceJob("Importing " + files.size() + " file(s) into " + ws.root().getFileName(), "imported", ws,
                (each, monitor) -> new RawImport(ws, ImageFormats.platform()).run(files, each, monitor));
    }

    /** Hears each file's report on the job's thread as soon as it is done. */
    public void addReportListener(Consumer<FileReport> listener) {
        listeners.add(listener);
    }

    /** The reports so far (all of them once the job is done). */
    public List<FileReport> reports() {
        return List.copyOf(reports);
    }

    /** One line per file, as the CLI prints them. */
    public List<String> lines() {
        return reports.stream().map(this::line).toList();
    }

    /** A file's line, e.g. {@code cells.tif: prepared cells (512 x 512, ...)}. */
    public String line(FileReport report) {
        return report.line(verb);
    }

    /** Counts by outcome, e.g. {@code 12 prepared, 1 kept (annotated), 1 ignored, 2 failed}. */
    public String summary() {
        return String.format(Locale.ROOT, "%d %s, %d kept (annotated), %d ignored, %d failed", count(FileReport.Status.DONE),
                verb, count(FileReport.Status.KEPT), count(FileReport.Status.IGNORED), count(FileReport.Status.FAILED));
    }

    private long count(FileReport.Status status) {
        return reports.stream().filter(r -> r.status() == status).count();
    }

    @Override
    protected ISchedulingRule prepare(IProgressMonitor monitor) {
        return FluffyRules.workspace(workspace.root());
    }

    @Override
    protected IStatus work(IProgressMonitor monitor) throws IOException {
        step.run(report -> {
            reports.add(report);
            listeners.forEach(l -> l.accept(report));
        }, monitor);
        long failed = count(FileReport.Status.FAILED);
        return failed == 0 ? Status.OK_STATUS : Status.warning(failed + " file(s) failed: " + summary());
    }
}

package fluffy.app.handlers;

import org.eclipse.core.runtime.Status;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.FrameworkUtil;

import fluffy.jobs.FluffyJob;
import fluffy.jobs.FluffyJobs;
import fluffy.runtime.DeviceRequest;
import fluffy.runtime.RuntimeReport;
import jakarta.inject.Named;

/**
 * Help › About: versions and the device in use. Collected in a Job because the first CUDA probe of a
 * process can take seconds on a machine with a GPU driver.
 */
public class AboutHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, UISynchronize sync) {
        FluffyJob job = FluffyJob.of("Collecting version information", FluffyJobs.READING, null, monitor -> {
            RuntimeReport report;
            try {
                report = RuntimeReport.collect(DeviceRequest.fromEnvironment());
            } catch (IllegalArgumentException e) {
                report = RuntimeReport.collect(DeviceRequest.AUTO);
            }
            String text = "Fluffy Workbench " + FrameworkUtil.getBundle(AboutHandler.class).getVersion()
                    + "\n\n" + String.join("\n", report.lines());
            sync.asyncExec(() -> {
                if (!shell.isDisposed()) {
                    MessageDialog.openInformation(shell, "About Fluffy Workbench", text);
                }
            });
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }
}

package fluffy.app.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import fluffy.ui.preferences.FluffyPreferences;
import fluffy.ui.preferences.PreferencesDialog;
import jakarta.inject.Named;

/** File › Preferences: device, threads, Bio-Formats jar and default model. */
public class PreferencesHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        new PreferencesDialog(shell, FluffyPreferences.instance()).open();
    }
}

package fluffy.app.startup;

import java.nio.file.Path;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;
import org.osgi.service.event.Event;

import fluffy.ui.FluffyTopics;
import jakarta.inject.Inject;

/**
 * Once the workbench is up: fits the main window to the screen ({@link WindowFit}) and opens what the
 * command line names ({@link StartupArguments}), now that the views exist and hear the events.
 */
public class StartupAddon {

    @Inject
    private IEventBroker broker;

    @Inject
    private MApplication application;

    @Inject
    private EModelService models;

    @Inject
    @Optional
    void started(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event) {
        fitToScreen();
        StartupArguments args;
        try {
            args = StartupArguments.parse(Platform.getApplicationArgs());
        } catch (IllegalArgumentException e) {
            ILog.of(StartupAddon.class).warn("Ignoring the command line: " + e.getMessage());
            return;
        }
        for (Path folder : args.open()) {
            broker.post(FluffyTopics.OPEN_WORKSPACE, folder);
        }
        if (args.select() != null) {
            broker.post(FluffyTopics.SELECT, args.select());
        }
    }

    /** The main window inside its monitor's work area ({@link WindowFit}): the model's bounds are a design size. */
    private void fitToScreen() {
        if (!(models.find("fluffy.app.window.main", application) instanceof MWindow window)
                || !(window.getWidget() instanceof Shell shell)) {
            return;
        }
        Rectangle area = shell.getMonitor().getClientArea();
        WindowFit.Bounds fitted = WindowFit.within(new WindowFit.Bounds(window.getX(), window.getY(), window.getWidth(),
                window.getHeight()), new WindowFit.Bounds(area.x, area.y, area.width, area.height));
        window.setX(fitted.x());
        window.setY(fitted.y());
        window.setWidth(fitted.width());
        window.setHeight(fitted.height());
        shell.setBounds(fitted.x(), fitted.y(), fitted.width(), fitted.height());
    }
}

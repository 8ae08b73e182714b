package fluffy.app.startup;

import java.nio.file.Path;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.osgi.service.event.Event;

import fluffy.ui.FluffyTopics;
import jakarta.inject.Inject;

/**
 * Opens what the command line names ({@link StartupArguments}) once the workbench is up, so the views
 * exist and hear the events.
 */
public class StartupAddon {

    @Inject
    private IEventBroker broker;

    @Inject
    @Optional
    void started(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event) {
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
}

package fluffy.ui;

/**
 * Event-broker topics shared by the views and the application's handlers. Payloads are plain values, so
 * a topic can be posted from a handler, a Job or a test alike.
 */
public final class FluffyTopics {

    /**
     * Payload: the {@link java.nio.file.Path} of a workspace folder to open in the Dataset Navigator; a
     * training run folder is opened as a run.
     */
    public static final String OPEN_WORKSPACE = "fluffy/navigator/openWorkspace";

    /** Payload: the {@link java.nio.file.Path} of a folder to turn into a workspace and open. */
    public static final String CREATE_WORKSPACE = "fluffy/navigator/createWorkspace";

    /**
     * Payload: the name of a row in the Dataset Navigator (an item, a run or a predictions folder) to
     * select, as if the user had clicked it; for {@code fluffy --open DIR --select NAME}.
     * {@code Predictions/<name>} selects the predictions folder even when a run has the same name.
     */
    public static final String SELECT = "fluffy/navigator/select";

    /**
     * Payload: the {@link java.nio.file.Path} of a workspace whose files a job has changed (prepared,
     * labelled, annotated, trained), so views showing it read it again.
     */
    public static final String WORKSPACE_CHANGED = "fluffy/workspace/changed";

    /** Payload: a {@link fluffy.jobs.TrainingJob} that was just scheduled; the Training Monitor follows it. */
    public static final String TRAINING_STARTED = "fluffy/training/started";

    private FluffyTopics() {
    }
}

package fluffy.ui;

/** Event-broker topics shared by the views and the application's handlers. */
public final class FluffyTopics {

    /** Payload: the {@link java.nio.file.Path} of a folder the user chose to open in the navigator. */
    public static final String OPEN_FOLDER = "fluffy/navigator/openFolder";

    private FluffyTopics() {
    }
}

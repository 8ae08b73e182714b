package fluffy.headless;

/** Wrong or missing command-line arguments. The message says which, in the user's terms. */
public class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}

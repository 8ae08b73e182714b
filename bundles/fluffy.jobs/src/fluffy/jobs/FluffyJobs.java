package fluffy.jobs;

/** Job families, so views and tests can find, join or cancel Fluffy's jobs through the job manager. */
public final class FluffyJobs {

    /** Every Fluffy job belongs to it besides its own family. */
    public static final Object ALL = new Object();

    public static final Object TRAINING = new Object();

    public static final Object PREDICTION = new Object();

    /** Steps that write a workspace: import, prepare, build label maps (also the editor's rebuild). */
    public static final Object WORKSPACE = new Object();

    public static final Object EVALUATION = new Object();

    public static final Object EXPORT = new Object();

    /** Reading files for a view (an image, a run, a folder): short, and nothing is written. */
    public static final Object READING = new Object();

    private FluffyJobs() {
    }
}

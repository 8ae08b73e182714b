package fluffy.jobs;

/** Job families, so views can find, join or cancel Fluffy's jobs through the job manager. */
public final class FluffyJobs {

    public static final Object TRAINING = new Object();

    public static final Object PREDICTION = new Object();

    private FluffyJobs() {
    }
}

package fluffy.training;

/** Hears about training as it goes; called on the training thread, so implementations return quickly. */
@FunctionalInterface
public interface TrainingListener {

    void epochFinished(EpochResult result);

    TrainingListener NONE = r -> {
    };
}

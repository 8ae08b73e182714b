package fluffy.inference;

/** Lets tests in other packages use the shared test model. */
public final class TinyModelAccess {

    private TinyModelAccess() {
    }

    public static FluffyModel model() {
        return TinyModel.get();
    }

    public static java.nio.file.Path file() {
        return TinyModel.file();
    }
}

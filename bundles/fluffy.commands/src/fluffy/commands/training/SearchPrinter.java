package fluffy.commands.training;

import java.io.PrintStream;
import java.util.Locale;

import fluffy.training.HyperparameterSearch;

/** Prints the search's folds and trials as they finish. */
final class SearchPrinter implements HyperparameterSearch.Listener {

    private final PrintStream out;

    SearchPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void foldFinished(HyperparameterSearch.FoldScore s) {
        out.printf(Locale.ROOT, "trial %2d fold %d  val_f1@0.5 %.4f  val_dice %.4f  %.1fs%n", s.trial(), s.fold(), s.f1(),
                s.dice(), s.seconds());
    }

    @Override
    public void trialFinished(HyperparameterSearch.TrialResult t) {
        if (t.failure() != null) {
            out.printf(Locale.ROOT, "trial %2d  FAILED: %s  %s%n", t.trial(), t.failure(), t.point());
            return;
        }
        out.printf(Locale.ROOT, "trial %2d  mean val_f1@0.5 %.4f%s  %s%n", t.trial(), t.score(),
                t.stoppedEarly() ? " (stopped early)" : "", t.point());
    }
}

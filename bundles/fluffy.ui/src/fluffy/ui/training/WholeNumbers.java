package fluffy.ui.training;

import java.text.FieldPosition;
import java.text.Format;
import java.text.ParsePosition;

/**
 * Axis labels for counted things (epochs, trials): whole numbers as they are, a tick between two of them
 * unlabelled, since "trial 1.5" means nothing.
 */
final class WholeNumbers extends Format {

    private static final long serialVersionUID = 1L;

    static final WholeNumbers FORMAT = new WholeNumbers();

    private WholeNumbers() {
    }

    @Override
    public StringBuffer format(Object value, StringBuffer to, FieldPosition position) {
        double v = ((Number) value).doubleValue();
        if (Math.abs(v - Math.rint(v)) < 1e-9) {
            to.append((long) Math.rint(v));
        }
        return to;
    }

    @Override
    public Object parseObject(String source, ParsePosition position) {
        return null;
    }
}

package fluffy.onnx.autodiff;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Gradient rules by op type. {@link #standard()} covers every op Fluffy's built-in models use. */
public final class GradientRules {

    private final Map<String, GradientRule> rules;

    private GradientRules(Map<String, GradientRule> rules) {
        this.rules = Collections.unmodifiableMap(rules);
    }

    public static GradientRules standard() {
        // Measured with `fluffy bench --input-gradient both`: on the CPU provider the flipped Conv costs about
        // what the forward Conv does, ConvTranspose about twice that.
        return standard(ConvInputGradient.FLIPPED_CONV);
    }

    /** The standard rules with a choice of how Conv input gradients are formed (for benchmarks). */
    public static GradientRules standard(ConvInputGradient convInputGradient) {
        Map<String, GradientRule> r = new HashMap<>();
        ElementwiseRules.register(r);
        ActivationRules.register(r);
        ReductionRules.register(r);
        ShapeRules.register(r);
        ConvolutionRules.register(r, convInputGradient);
        return new GradientRules(r);
    }

    /** A copy with one more (or a replaced) rule; how third-party layers add theirs. */
    public GradientRules with(String opType, GradientRule rule) {
        Map<String, GradientRule> copy = new HashMap<>(rules);
        copy.put(opType, rule);
        return new GradientRules(copy);
    }

    public GradientRule get(String opType) {
        return rules.get(opType);
    }

    public Set<String> opTypes() {
        return new TreeSet<>(rules.keySet());
    }
}

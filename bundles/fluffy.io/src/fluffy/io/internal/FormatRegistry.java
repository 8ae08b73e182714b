package fluffy.io.internal;

import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.IExtensionRegistry;

import fluffy.core.extensions.ContributionRegistry;
import fluffy.io.ImageFormat;

/**
 * The contributions to {@value #POINT}, highest priority first: a {@link ContributionRegistry}, so they
 * are read again whenever a bundle contributing to the point comes or goes, and a malformed or clashing
 * declaration is a problem in words.
 */
public final class FormatRegistry {

    public static final String POINT = "fluffy.io.imageFormats";
    public static final String ID = "id";
    public static final String NAME = "name";
    public static final String EXTENSIONS = "extensions";
    public static final String PRIORITY = "priority";
    public static final String SNIFFER = "sniffer";
    public static final String READER = "reader";

    private static final Comparator<FormatContribution> BY_PRIORITY = Comparator
            .comparingInt((FormatContribution c) -> -c.format().priority()).thenComparing(c -> c.format().id());

    private final ContributionRegistry<FormatContribution> contributions;

    public FormatRegistry(IExtensionRegistry registry) {
        contributions = new ContributionRegistry<>(registry, POINT, "image format", FormatContribution::of,
                c -> c.format().id(), BY_PRIORITY);
    }

    /** The registry of the running platform. */
    public static FormatRegistry platform() {
        return new FormatRegistry(ContributionRegistry.platformRegistry());
    }

    /** Every well-formed contribution, highest priority first. */
    List<FormatContribution> contributions() {
        return contributions.all();
    }

    /** The metadata of {@link #contributions()}. */
    public List<ImageFormat> formats() {
        return contributions().stream().map(FormatContribution::format).toList();
    }

    /** Per format whose reader has something to say of its setup: {@code <format name>: <setup>}. */
    public List<String> setups() {
        List<String> lines = new java.util.ArrayList<>();
        for (FormatContribution c : contributions()) {
            c.setup().ifPresent(s -> lines.add(c.format().name() + ": " + s));
        }
        return lines;
    }

    /** Malformed or clashing declarations that were left out, one sentence each. */
    public List<String> problems() {
        return contributions.problems();
    }

    /** Stops following the extension registry. */
    public void dispose() {
        contributions.dispose();
    }
}

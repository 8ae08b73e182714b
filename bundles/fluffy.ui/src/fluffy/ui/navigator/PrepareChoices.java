package fluffy.ui.navigator;

import java.util.ArrayList;
import java.util.List;

import fluffy.io.prepare.PrepareOptions;
import fluffy.io.prepare.Projection;

/**
 * What the Prepare dialog asks, as a value: how z-stacks are treated, which time frame, channel and
 * series to take. Turns into the headless {@link PrepareOptions} and into the equivalent command line, so
 * the user can repeat the step in a script.
 *
 * @param frame   the time frame from 0, or null for the middle one
 * @param channel the one channel to keep from 0, or null for all
 */
public record PrepareChoices(ZStacks zStacks, Projection projection, Integer frame, Integer channel, int series) {

    /** What happens to images with several z slices. */
    public enum ZStacks {
        /** Refused with a hint: silently taking one slice loses data. */
        REFUSE,
        /** Flattened with {@link PrepareChoices#projection()}. */
        PROJECT,
        /** Every z slice and time frame becomes an item of its own. */
        ALL_SLICES
    }

    public PrepareChoices {
        if (zStacks == ZStacks.ALL_SLICES && frame != null) {
            throw new IllegalArgumentException("every slice and frame is taken; a single frame cannot be chosen as well");
        }
        if (zStacks == ZStacks.PROJECT && projection == null) {
            throw new IllegalArgumentException("a projection is needed to flatten z-stacks");
        }
    }

    public static PrepareChoices defaults() {
        return new PrepareChoices(ZStacks.REFUSE, Projection.MAX, null, null, 0);
    }

    public PrepareOptions toOptions() {
        PrepareOptions options = PrepareOptions.defaults();
        if (zStacks == ZStacks.ALL_SLICES) {
            options = options.withAllSlices();
        } else if (zStacks == ZStacks.PROJECT) {
            options = options.withProjection(projection);
        }
        if (frame != null) {
            options = options.withFrame(frame);
        }
        if (channel != null) {
            options = options.withChannel(channel);
        }
        return series == 0 ? options : options.withSeries(series);
    }

    /** The options of {@code fluffy prepare DIR} that do the same. */
    public String commandLine() {
        List<String> args = new ArrayList<>();
        switch (zStacks) {
            case ALL_SLICES -> args.add("--all-slices");
            case PROJECT -> args.add("--zstack --projection " + projection);
            case REFUSE -> { }
        }
        if (frame != null) {
            args.add("--frame " + frame);
        }
        if (channel != null) {
            args.add("--channel " + channel);
        }
        if (series != 0) {
            args.add("--series " + series);
        }
        return String.join(" ", args);
    }
}

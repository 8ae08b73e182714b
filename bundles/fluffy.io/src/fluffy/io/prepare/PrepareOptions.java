package fluffy.io.prepare;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * How {@code prepare} turns each raw image into 2D images to annotate (the original Fluffy's
 * {@code make_labelling}). Indices count from 0. Already-2D images pass through whatever is chosen.
 *
 * @param allSlices  every z slice and time frame becomes an item of its own, {@code <name>_<i>} with
 *                   {@code i = t * sizeZ + z}; excludes {@code frame} and {@code projection}
 * @param frame      the time frame to take from a time series; empty means the middle one
 * @param projection how to flatten a z-stack; empty means a z-stack is refused with a hint, because
 *                   silently picking one slice (the original's bug) loses data
 * @param channel    the one channel to keep (for RGB: 0 red, 1 green, 2 blue); empty keeps all
 * @param series     the series or scene of multi-series files; empty means the first
 */
public record PrepareOptions(boolean allSlices, OptionalInt frame, Optional<Projection> projection,
        OptionalInt channel, OptionalInt series) {

    public PrepareOptions {
        if (allSlices && (frame.isPresent() || projection.isPresent())) {
            throw new IllegalArgumentException("every slice (--all-slices) excludes choosing a frame or a projection");
        }
        for (OptionalInt index : new OptionalInt[] {frame, channel, series}) {
            if (index.isPresent() && index.getAsInt() < 0) {
                throw new IllegalArgumentException("indices count from 0, got " + index.getAsInt());
            }
        }
    }

    /** The defaults: 2D images pass, time series give their middle frame, z-stacks need a choice. */
    public static PrepareOptions defaults() {
        return new PrepareOptions(false, OptionalInt.empty(), Optional.empty(), OptionalInt.empty(), OptionalInt.empty());
    }

    public PrepareOptions withAllSlices() {
        return new PrepareOptions(true, frame, projection, channel, series);
    }

    public PrepareOptions withFrame(int t) {
        return new PrepareOptions(allSlices, OptionalInt.of(t), projection, channel, series);
    }

    public PrepareOptions withProjection(Projection p) {
        return new PrepareOptions(allSlices, frame, Optional.of(p), channel, series);
    }

    public PrepareOptions withChannel(int c) {
        return new PrepareOptions(allSlices, frame, projection, OptionalInt.of(c), series);
    }

    public PrepareOptions withSeries(int s) {
        return new PrepareOptions(allSlices, frame, projection, channel, OptionalInt.of(s));
    }
}

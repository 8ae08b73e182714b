package fluffy.models.unet;

import java.util.List;

import fluffy.models.Hyperparameter;
import fluffy.models.HyperparameterValues;

/** The architecture hyperparameters both U-Nets share, with the original Fluffy's ranges and defaults. */
final class UNetHyperparameters {

    static final String DEPTH = "depth";
    static final String WIDTH = "width";
    static final String LAST_WIDTH = "last_width";
    static final String BATCH_NORM = "batch_norm";
    static final String DROPOUT = "dropout";

    static final List<Hyperparameter> SHARED = List.of(
            Hyperparameter.integer(DEPTH, "Levels including the bottleneck; each halves the resolution", 1, 5, 4),
            Hyperparameter.integer(WIDTH, "Channels of the first level, doubling per level", 1, 64, 16),
            Hyperparameter.integer(LAST_WIDTH, "Channels of the two 3x3 head convolutions (0: no head convolutions)",
                    0, 64, 16),
            Hyperparameter.flag(BATCH_NORM, "Batch normalisation after every convolution", true),
            Hyperparameter.real(DROPOUT, "Dropout per level, growing with depth (level i uses (i+1) x this, at most 0.5)",
                    0, 0.5, 0.1));

    private UNetHyperparameters() {
    }

    static UNet network(HyperparameterValues v, int inputChannels, int outputChannels, UNet.Loss loss) {
        return new UNet(inputChannels, outputChannels, v.integer(DEPTH), v.integer(WIDTH), v.integer(LAST_WIDTH),
                v.flag(BATCH_NORM), (float) v.real(DROPOUT), loss);
    }
}

package fluffy.onnx.autodiff;

/**
 * How the input gradient of a Conv is formed. Both are exact; which is faster depends on the execution
 * provider's kernels, so {@code fluffy bench} measures both.
 */
public enum ConvInputGradient {
    /** {@code ConvTranspose(dY, W)} with the forward pads: the forward weight layout is ConvTranspose's. */
    CONV_TRANSPOSE,
    /** An ordinary Conv of dY with the spatially flipped, channel-swapped weights. */
    FLIPPED_CONV
}

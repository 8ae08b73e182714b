package fluffy.core.workspace;

/** How far an image has come through the data preparation, from the raw file to a training pair. */
public enum ItemState {
    /** Only in {@code Raw/}: not converted yet. */
    RAW("raw"),
    /** {@code Labeling/<name>/images/<name>.tif} exists; nobody has annotated it yet. */
    PREPARED("prepared"),
    /** A {@code RoiSet.zip} or mask files exist in {@code Labeling/<name>/}. */
    ANNOTATED("annotated"),
    /** The image and its label map are in {@code Processed/}: ready for training. */
    LABELLED("labelled");

    private final String label;

    ItemState(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}

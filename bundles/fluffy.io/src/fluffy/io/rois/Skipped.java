package fluffy.io.rois;

/**
 * Something in an annotation that was left out, and why.
 *
 * @param what   the zip entry, mask file or object it concerns
 * @param reason one sentence, in the user's terms
 */
public record Skipped(String what, String reason) {

    @Override
    public String toString() {
        return what + ": " + reason;
    }
}

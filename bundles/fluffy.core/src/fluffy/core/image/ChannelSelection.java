package fluffy.core.image;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which channels of an image a model takes, in the order it takes them, as the user writes them:
 * {@code 2,1} is the second channel first, then the first (1-based). {@link #DEFAULT} is one grey plane:
 * RGB averaged, other images their first channel, for training; for prediction, whatever the model was
 * trained on.
 *
 * @param channels 0-based channel indices; empty for {@link #DEFAULT}
 */
public record ChannelSelection(List<Integer> channels) {

    public static final ChannelSelection DEFAULT = new ChannelSelection(List.of());

    /** More than any microscope's channels: what a model's metadata may claim is bounded too. */
    public static final int MAX = 64;

    public ChannelSelection {
        channels = List.copyOf(channels);
        if (channels.size() > MAX || channels.stream().anyMatch(c -> c < 0 || c >= MAX)) {
            throw new IllegalArgumentException("channels " + channels + ": at most " + MAX + ", each 1.." + MAX);
        }
        if (channels.stream().distinct().count() != channels.size()) {
            throw new IllegalArgumentException("channel list " + encode(channels) + " names a channel twice");
        }
    }

    /** One channel, 0-based. */
    public static ChannelSelection of(int channel) {
        return new ChannelSelection(List.of(channel));
    }

    /**
     * A 1-based list such as {@code 2,1}, or {@code default}.
     *
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    public static ChannelSelection parse(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.equalsIgnoreCase("default") || t.equalsIgnoreCase("grey")) {
            return DEFAULT;
        }
        List<Integer> list = new ArrayList<>();
        for (String part : t.split(",")) {
            try {
                int c = Integer.parseInt(part.strip());
                if (c < 1) {
                    throw new IllegalArgumentException("channels are counted from 1, got " + c + " in '" + text + "'");
                }
                list.add(c - 1);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a list of channel numbers such as 2,1");
            }
        }
        return new ChannelSelection(list);
    }

    public boolean isDefault() {
        return channels.isEmpty();
    }

    /** Planes the model takes: one for {@link #DEFAULT}. */
    public int count() {
        return Math.max(1, channels.size());
    }

    /** As the user writes it: {@code 2,1}, or {@code default}. */
    public String encode() {
        return isDefault() ? "default" : encode(channels);
    }

    private static String encode(List<Integer> zeroBased) {
        return zeroBased.stream().map(c -> Integer.toString(c + 1)).collect(Collectors.joining(","));
    }

    /** Names of the planes for a package's channel axis, e.g. {@code c2, c1}, or {@code raw}. */
    public List<String> names() {
        return isDefault() ? List.of("raw") : channels.stream().map(c -> "c" + (c + 1)).toList();
    }
}

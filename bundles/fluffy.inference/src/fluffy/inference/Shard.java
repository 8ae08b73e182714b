package fluffy.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One task's deterministic share of a batch: of the inputs in their sorted order, every {@code count}-th
 * starting at {@code index} (0-based), so shares are disjoint, cover every input, and mix small and large
 * files alike whatever the order of their names. A SLURM array task finds its share in its environment.
 */
public record Shard(int index, int count) {

    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("a shard is I/N with 0 <= I < N, got " + index + "/" + count);
        }
    }

    /** {@code I/N}, as {@code --shard} takes it. */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/");
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw new IllegalArgumentException("--shard takes I/N (0 <= I < N), e.g. 0/8, not '" + text + "'");
    }

    /**
     * The share of a SLURM array task ({@code SLURM_ARRAY_TASK_ID} less {@code SLURM_ARRAY_TASK_MIN} of
     * {@code SLURM_ARRAY_TASK_COUNT}), or {@link #ALL} outside an array job.
     *
     * @throws IllegalArgumentException when the variables do not describe a share (e.g. an array with a step)
     */
    public static Shard fromEnvironment(Map<String, String> env) {
        String id = env.get("SLURM_ARRAY_TASK_ID");
        String count = env.get("SLURM_ARRAY_TASK_COUNT");
        if (id == null || count == null) {
            return ALL;
        }
        try {
            int min = Integer.parseInt(env.getOrDefault("SLURM_ARRAY_TASK_MIN", "0").trim());
            return new Shard(Integer.parseInt(id.trim()) - min, Integer.parseInt(count.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SLURM_ARRAY_TASK_ID " + id + " (min "
                    + env.getOrDefault("SLURM_ARRAY_TASK_MIN", "0") + ") of SLURM_ARRAY_TASK_COUNT " + count
                    + " is no share of the inputs; submit the array as --array=0-(N-1) or give --shard I/N");
        }
    }

    public <T> List<T> of(List<T> sorted) {
        List<T> mine = new ArrayList<>();
        for (int i = index; i < sorted.size(); i += count) {
            mine.add(sorted.get(i));
        }
        return mine;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}

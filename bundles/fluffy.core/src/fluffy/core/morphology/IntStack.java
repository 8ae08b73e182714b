package fluffy.core.morphology;

import java.util.Arrays;

/**
 * A growable stack (or, read from the front, queue) of pixel indices. Flood fills on large images keep
 * only their frontier here, instead of an array as large as the image.
 */
final class IntStack {

    private int[] items = new int[256];
    private int size;
    private int head;

    void push(int value) {
        if (size == items.length) {
            items = Arrays.copyOf(items, items.length * 2);
        }
        items[size++] = value;
    }

    int pop() {
        return items[--size];
    }

    /** Takes from the front: first in, first out. */
    int poll() {
        return items[head++];
    }

    boolean isEmpty() {
        return size == head;
    }

    int size() {
        return size - head;
    }

    int get(int index) {
        return items[head + index];
    }

    void clear() {
        size = 0;
        head = 0;
    }
}

package fluffy.training.data;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import fluffy.runtime.session.Batch;

/**
 * Prepares the next batches on a worker thread while ONNX Runtime runs the current step, so sampling and
 * augmentation cost no step time. The order of batches is the sampler's, so results stay reproducible.
 */
public final class Prefetcher implements AutoCloseable {

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(2);
    private final Thread worker;
    private volatile RuntimeException failure;

    public Prefetcher(Sampler sampler) {
        worker = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    queue.put(sampler.next());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure = e;
            }
        }, "fluffy-batch-sampler");
        worker.setDaemon(true);
        worker.start();
    }

    public Batch next() throws InterruptedException {
        while (true) {
            Batch b = queue.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (b != null) {
                return b;
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    @Override
    public void close() {
        worker.interrupt();
    }
}

package fluffy.io.internal;

import java.io.IOException;

import org.eclipse.core.runtime.ISafeRunnable;
import org.eclipse.core.runtime.SafeRunner;

/**
 * Runs contributed code through {@link SafeRunner}, so that a broken extension (a RuntimeException, a
 * missing class) is logged and reported with its bundle's name instead of ending the batch. Expected
 * failures, the IOExceptions of damaged files, pass through untouched and are not logged as errors.
 */
final class SafeCall {

    @FunctionalInterface
    interface Body<T> {
        T call() throws IOException;
    }

    private SafeCall() {
    }

    static <T> T run(String contributor, String what, Body<T> body) throws IOException {
        Object[] result = new Object[1];
        IOException[] expected = new IOException[1];
        Throwable[] broken = new Throwable[1];
        SafeRunner.run(new ISafeRunnable() {
            @Override
            public void run() {
                try {
                    result[0] = body.call();
                } catch (IOException e) {
                    expected[0] = e;
                }
            }

            @Override
            public void handleException(Throwable e) {
                broken[0] = e;
            }
        });
        if (expected[0] != null) {
            throw expected[0];
        }
        if (broken[0] != null) {
            String message = broken[0].getMessage() == null ? broken[0].getClass().getName() : broken[0].getMessage();
            throw new IOException(what + " failed in bundle " + contributor + ": " + message, broken[0]);
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }
}

package dev.strata.scanner.source;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The end of a parallel {@link ImageSource#readBlobs}: waits for every task (also when interrupted, so no
 * consumer runs on after the call returns) and throws the first failure as it was.
 */
public final class BlobTasks {
    private BlobTasks() {
    }

    /**
     * Waits for {@code futures}; {@code first} holds the first failure (tasks may record theirs, a task's own
     * exception is recorded here too). On interrupt, records {@code interruption}'s exception, runs
     * {@code onInterrupt} (e.g. close the streams being read) and keeps waiting; the interrupt flag is restored.
     */
    public static void awaitAll(List<Future<?>> futures, AtomicReference<Throwable> first,
                                Supplier<IOException> interruption, Runnable onInterrupt) throws IOException {
        boolean interrupted = false;
        for (Future<?> f : futures) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (ExecutionException e) {
                    first.compareAndSet(null, e.getCause());
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    first.compareAndSet(null, interruption.get());
                    onInterrupt.run();
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable t = first.get();
        if (t != null) {
            throw rethrow(t);
        }
    }

    /** An I/O exception as it is, unchecked throwables thrown as they are, anything else wrapped. */
    static IOException rethrow(Throwable t) {
        if (t instanceof IOException io) {
            return io;
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return new IOException(t.getMessage(), t);
    }
}

package dev.strata.scanner.layer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * A bounded, two-thread byte pipe: a {@link Producer} runs on another thread and writes into a fixed set of
 * reusable chunks ({@code chunkCount × chunkSize} bytes in total, never more), and this stream reads them
 * back in order on the consuming thread.
 *
 * <ul>
 *   <li>A producer failure is rethrown by the consumer's next {@code read} (the same exception instance when
 *       it is an {@link IOException}, otherwise wrapped), after the bytes written before it.</li>
 *   <li>{@link #close()} by the consumer (e.g. after its own failure) makes the producer's next write throw
 *       {@link CancelledException}; {@code close()} then waits for the producer task to return, so no
 *       producer outlives the stream (unless it is stuck in a blocking read of its own input, in which
 *       case {@code close()} gives up waiting after {@link #CLOSE_WAIT_SECONDS}).</li>
 *   <li>The producer runs as one task on the given {@link Executor}, which must run it concurrently with
 *       the caller: a caller-runs or saturated executor deadlocks. Without an executor, a daemon thread is
 *       started per stream.</li>
 * </ul>
 * Not thread-safe on the consumer side: one consumer thread reads it.
 */
public final class PipedChunkStream extends InputStream {
    /** How long {@link #close()} waits for the producer task to return. */
    public static final long CLOSE_WAIT_SECONDS = 30;

    /** Writes the whole stream to {@code out}; returning normally ends the stream. */
    @FunctionalInterface
    public interface Producer {
        void produce(OutputStream out) throws IOException;
    }

    /** Thrown in the producer when the consumer has closed the stream. */
    public static final class CancelledException extends IOException {
        CancelledException() {
            super("consumer closed the stream");
        }
    }

    private static final class Chunk {
        final byte[] data;
        int length;

        Chunk(int size) {
            data = new byte[size];
        }
    }

    private static final Chunk END = new Chunk(0);

    private final BlockingQueue<Chunk> free;
    private final BlockingQueue<Chunk> full;
    private final CountDownLatch producerDone = new CountDownLatch(1);
    private volatile boolean cancelled;
    private volatile Throwable failure;
    private Chunk current;
    private int position;
    private boolean ended;
    private boolean closed;

    private PipedChunkStream(int chunkCount, int chunkSize) {
        if (chunkCount < 1 || chunkSize < 1) {
            throw new IllegalArgumentException("need at least one chunk of at least one byte");
        }
        free = new ArrayBlockingQueue<>(chunkCount);
        full = new ArrayBlockingQueue<>(chunkCount + 1);
        for (int i = 0; i < chunkCount; i++) {
            free.add(new Chunk(chunkSize));
        }
    }

    /** Starts {@code producer} on {@code executor} (or a new daemon thread when {@code null}). */
    public static PipedChunkStream start(Executor executor, int chunkCount, int chunkSize, Producer producer) {
        Objects.requireNonNull(producer, "producer");
        PipedChunkStream pipe = new PipedChunkStream(chunkCount, chunkSize);
        Runnable task = pipe.task(producer);
        if (executor == null) {
            Thread thread = new Thread(task, "strata-pipe-producer");
            thread.setDaemon(true);
            thread.start();
        } else {
            executor.execute(task);
        }
        return pipe;
    }

    private Runnable task(Producer producer) {
        return () -> {
            ChunkOutputStream out = new ChunkOutputStream();
            try {
                producer.produce(out);
                out.publishCurrent();
            } catch (Throwable t) {
                if (!cancelled) {
                    failure = t;
                    try {
                        out.publishCurrent(); // deliver the bytes written before the failure
                    } catch (IOException | RuntimeException ignored) {
                        // cancelled meanwhile
                    }
                }
            } finally {
                full.add(END); // capacity is chunkCount + 1, so this never blocks
                producerDone.countDown();
            }
        };
    }

    /** The producer's failure, if it failed (not counting a failure caused by {@link #close()}). */
    public Throwable producerFailure() {
        return failure;
    }

    /** True once the producer task has returned. */
    public boolean producerFinished() {
        return producerDone.getCount() == 0;
    }

    @Override
    public int read() throws IOException {
        if (!ensureData()) {
            return -1;
        }
        return current.data[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (!ensureData()) {
            return -1;
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current.data, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n && ensureData()) {
            int step = (int) Math.min(n - skipped, current.length - position);
            position += step;
            skipped += step;
        }
        return skipped;
    }

    @Override
    public int available() {
        return current == null ? 0 : current.length - position;
    }

    private boolean ensureData() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        while (current == null || position >= current.length) {
            if (ended) {
                return endOrFailure();
            }
            if (current != null) {
                free.add(current);
                current = null;
            }
            Chunk next;
            try {
                next = full.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted waiting for the producer");
            }
            if (next == END) {
                ended = true;
                return endOrFailure();
            }
            current = next;
            position = 0;
        }
        return true;
    }

    private boolean endOrFailure() throws IOException {
        Throwable t = failure;
        if (t != null) {
            throw t instanceof IOException io ? io : new IOException("producer failed: " + t, t);
        }
        return false;
    }

    /** Cancels the producer if it is still running and waits for its task to return. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        cancelled = true;
        // hand every chunk back so a producer waiting for a free chunk wakes up and sees the cancellation
        Chunk c;
        while ((c = full.poll()) != null) {
            if (c != END) {
                free.offer(c);
            }
        }
        if (current != null) {
            free.offer(current);
            current = null;
        }
        try {
            producerDone.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The producer's side: fills chunks and publishes them when full. */
    private final class ChunkOutputStream extends OutputStream {
        private Chunk chunk;

        @Override
        public void write(int b) throws IOException {
            ensureChunk();
            chunk.data[chunk.length++] = (byte) b;
            if (chunk.length == chunk.data.length) {
                publishCurrent();
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            while (len > 0) {
                ensureChunk();
                int n = Math.min(len, chunk.data.length - chunk.length);
                System.arraycopy(b, off, chunk.data, chunk.length, n);
                chunk.length += n;
                off += n;
                len -= n;
                if (chunk.length == chunk.data.length) {
                    publishCurrent();
                }
            }
        }

        @Override
        public void flush() {
            // chunks are published when full and at the end; flushing a partial chunk would only add work
        }

        private void ensureChunk() throws IOException {
            if (cancelled) {
                throw new CancelledException();
            }
            if (chunk != null) {
                return;
            }
            try {
                while ((chunk = free.poll(50, TimeUnit.MILLISECONDS)) == null) {
                    if (cancelled) {
                        throw new CancelledException();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted waiting for the consumer");
            }
            chunk.length = 0;
        }

        void publishCurrent() throws IOException {
            if (chunk == null) {
                return;
            }
            Chunk c = chunk;
            chunk = null;
            if (c.length == 0) {
                free.add(c);
                return;
            }
            if (cancelled) {
                free.add(c);
                throw new CancelledException();
            }
            full.add(c);
        }
    }
}

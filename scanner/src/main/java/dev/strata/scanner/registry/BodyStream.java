package dev.strata.scanner.registry;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Vert.x response body as a blocking {@link InputStream} for a worker thread, with back-pressure: the
 * response stays paused and only a small window of chunks is fetched ahead of the reader. Created on the
 * response's event loop; read from any other thread. {@link #close()} before the end resets the stream.
 */
final class BodyStream extends InputStream {
    private static final int WINDOW = 32;
    private static final Object END = new Object();

    private final HttpClientResponse response;
    private final Context context;
    private final long idleMillis;
    private final String what;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private Buffer current;
    private int pos;
    private int consumed;
    private boolean ended;
    private volatile boolean closed;

    /** Must be called on the response's context thread, before it delivers any data. */
    BodyStream(HttpClientResponse response, Context context, long idleMillis, String what) {
        this.response = response;
        this.context = context;
        this.idleMillis = idleMillis;
        this.what = what;
        response.pause();
        response.handler(queue::add);
        response.endHandler(v -> queue.add(END));
        response.exceptionHandler(queue::add);
        response.fetch(WINDOW);
    }

    private boolean fill() throws IOException {
        while (current == null || pos >= current.length()) {
            if (ended) {
                return false;
            }
            if (closed) {
                throw new IOException("stream of " + what + " closed");
            }
            Object next;
            try {
                next = queue.poll(idleMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abort();
                throw new InterruptedIOException("interrupted while reading " + what);
            }
            if (next == null) {
                abort();
                throw new SocketTimeoutException("no data for " + idleMillis / 1000.0 + " s while reading " + what);
            }
            if (next == END) {
                ended = true;
                current = null;
                return false;
            }
            if (next instanceof Throwable t) {
                ended = true;
                throw t instanceof IOException io ? io
                        : new IOException("connection failed while reading " + what + ": " + describe(t), t);
            }
            current = (Buffer) next;
            pos = 0;
            // ask for more in batches: half the window still in flight keeps the socket busy
            if (++consumed >= WINDOW / 2) {
                int n = consumed;
                consumed = 0;
                context.runOnContext(v -> response.fetch(n));
            }
        }
        return true;
    }

    static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return current.getByte(pos++) & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.length() - pos);
        current.getBytes(pos, pos + n, b, off);
        pos += n;
        return n;
    }

    /** Reads the whole body, failing once it exceeds {@code limit} bytes. */
    byte[] readAll(long limit, String tooLarge) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        int n;
        while ((n = read(buf, 0, buf.length)) >= 0) {
            out.write(buf, 0, n);
            if (out.size() > limit) {
                close();
                throw new dev.strata.scanner.image.ImageFormatException(tooLarge);
            }
        }
        return out.toByteArray();
    }

    private void abort() {
        closed = true;
        context.runOnContext(v -> response.request().reset());
    }

    @Override
    public void close() {
        if (!ended && !closed) {
            abort();
        }
        closed = true;
    }
}

package dev.strata.cli;

import dev.strata.app.ScanProgress;
import dev.strata.scanner.image.Digest;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-line progress display on a terminal's stderr, redrawn in place ({@code \r}) at most every 100 ms and
 * erased when done. Thread-safe: byte counts and layer callbacks arrive from the scanning threads.
 */
final class ConsoleProgress implements ScanProgress {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR = 30;

    private final PrintWriter err;
    private final AtomicLong bytesDone = new AtomicLong();
    private volatile long lastDraw;
    private int layers;
    private long bytes;
    private int layersDone;
    private boolean drawn;

    ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void resolved(int layerCount, long totalBytes) {
        layers = layerCount;
        bytes = totalBytes;
        draw(true);
    }

    @Override
    public void bytesRead(long n) {
        bytesDone.addAndGet(n);
        if (System.nanoTime() - lastDraw >= REDRAW_NANOS) {
            synchronized (this) {
                draw(false);
            }
        }
    }

    @Override
    public synchronized void layerDone(Digest diffId, long bytesRead) {
        layersDone = Math.min(layers, layersDone + 1);
        draw(layersDone == layers);
    }

    /** Erases the line, so what follows starts on a clean line. */
    synchronized void finish() {
        if (drawn) {
            err.print("\r\u001b[K");
            err.flush();
            drawn = false;
        }
    }

    private void draw(boolean force) {
        long now = System.nanoTime();
        if (!force && drawn && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        long done = Math.min(bytes, bytesDone.get());
        err.print("\r" + ProgressLine.render(layersDone, layers, done, bytes, BAR) + "\u001b[K");
        err.flush();
        drawn = true;
    }
}

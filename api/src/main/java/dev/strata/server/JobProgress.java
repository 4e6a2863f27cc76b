package dev.strata.server;

import dev.strata.app.ScanProgress;
import dev.strata.scanner.image.Digest;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/** Counts one job's layers and bytes as its scan advances and hands each new figure on. */
final class JobProgress implements ScanProgress {
    private final Consumer<ScanJob.Progress> sink;
    private final Set<Digest> done = new HashSet<>();
    private int total;
    private long bytesTotal;
    private long bytesDone;

    JobProgress(Consumer<ScanJob.Progress> sink) {
        this.sink = sink;
    }

    @Override
    public synchronized void resolved(int layers, long bytes) {
        total = layers;
        bytesTotal = bytes;
        sink.accept(snapshot());
    }

    /** Hands the figures on under the lock, so the sink sees them in order (layer threads race otherwise). */
    @Override
    public synchronized void layerDone(Digest diffId, long bytesRead) {
        if (done.add(diffId)) {
            bytesDone += bytesRead;
            sink.accept(snapshot());
        }
    }

    private ScanJob.Progress snapshot() {
        return new ScanJob.Progress(done.size(), total, bytesDone, bytesTotal);
    }
}

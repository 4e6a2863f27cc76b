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
    public void resolved(int layers, long bytes) {
        ScanJob.Progress p;
        synchronized (this) {
            total = layers;
            bytesTotal = bytes;
            p = snapshot();
        }
        sink.accept(p);
    }

    @Override
    public void layerDone(Digest diffId, long bytesRead) {
        ScanJob.Progress p;
        synchronized (this) {
            if (!done.add(diffId)) {
                return;
            }
            bytesDone += bytesRead;
            p = snapshot();
        }
        sink.accept(p);
    }

    private ScanJob.Progress snapshot() {
        return new ScanJob.Progress(done.size(), total, bytesDone, bytesTotal);
    }
}

package dev.strata.app;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A layer blob stream that tells a {@link ScanProgress} how many bytes were read through it. */
final class ProgressInputStream extends FilterInputStream {
    private final ScanProgress progress;

    private ProgressInputStream(InputStream in, ScanProgress progress) {
        super(in);
        this.progress = progress;
    }

    /** {@code in} itself when nobody listens, else {@code in} counted. */
    static InputStream of(InputStream in, ScanProgress progress) {
        return progress == ScanProgress.NONE ? in : new ProgressInputStream(in, progress);
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            progress.bytesRead(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            progress.bytesRead(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(n);
        if (skipped > 0) {
            progress.bytesRead(skipped);
        }
        return skipped;
    }
}

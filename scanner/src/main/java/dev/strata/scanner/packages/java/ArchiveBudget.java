package dev.strata.scanner.packages.java;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/** Counts entries and uncompressed bytes of one outer archive against its {@link ArchiveLimits}. */
final class ArchiveBudget {

    private final ArchiveLimits limits;
    private long bytes;
    private long entries;

    ArchiveBudget(ArchiveLimits limits) {
        this.limits = limits;
    }

    ArchiveLimits limits() {
        return limits;
    }

    /** Counts one more entry. */
    void entry() throws ArchiveLimitException {
        if (++entries > limits.maxEntries()) {
            throw new ArchiveLimitException("more than " + limits.maxEntries() + " entries");
        }
    }

    /**
     * The data of the current entry, metered: total bytes against the budget, and the entry's ratio of bytes read
     * to {@code compressedCount} (the compressed bytes consumed so far for it).
     */
    InputStream meter(InputStream entryData, LongSupplier compressedCount) {
        return new FilterInputStream(entryData) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                return ReadingSkip.skip(this, n);
            }

            @Override
            public void close() {
                // the entry belongs to the archive stream
            }

            private void count(int n) throws ArchiveLimitException {
                read += n;
                bytes += n;
                if (bytes > limits.maxTotalBytes()) {
                    throw new ArchiveLimitException("more than " + limits.maxTotalBytes() + " bytes uncompressed");
                }
                if (read >= limits.ratioFloorBytes()) {
                    long compressed = Math.max(1, compressedCount.getAsLong());
                    if (read / compressed > limits.maxRatio()) {
                        throw new ArchiveLimitException("compression ratio above " + limits.maxRatio()
                                + " (possible zip bomb)");
                    }
                }
            }
        };
    }
}

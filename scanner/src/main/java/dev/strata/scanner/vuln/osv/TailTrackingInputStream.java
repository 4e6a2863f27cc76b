package dev.strata.scanner.vuln.osv;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes bytes through and remembers the last {@link #CAPACITY} of them, to check a zip's end record once read. */
final class TailTrackingInputStream extends FilterInputStream {

    static final int CAPACITY = 4096;
    private static final byte[] END_OF_CENTRAL_DIRECTORY = {'P', 'K', 5, 6};
    private static final int END_RECORD_SIZE = 22;

    private final byte[] ring = new byte[CAPACITY];
    private long total;

    TailTrackingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            remember((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        for (int i = 0; i < n; i++) {
            remember(b[off + i]);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Reads the underlying stream to its end. */
    void drain() throws IOException {
        byte[] buffer = new byte[8192];
        while (read(buffer, 0, buffer.length) >= 0) {
            // only the tail is kept
        }
    }

    /** True if the bytes seen so far end with a zip end-of-central-directory record (its comment within the tail). */
    boolean endsWithZipEndRecord() {
        int size = (int) Math.min(total, CAPACITY);
        byte[] tail = new byte[size];
        for (int i = 0; i < size; i++) {
            tail[i] = ring[(int) ((total - size + i) % CAPACITY)];
        }
        for (int start = size - END_RECORD_SIZE; start >= 0; start--) {
            if (tail[start] == END_OF_CENTRAL_DIRECTORY[0] && tail[start + 1] == END_OF_CENTRAL_DIRECTORY[1]
                    && tail[start + 2] == END_OF_CENTRAL_DIRECTORY[2] && tail[start + 3] == END_OF_CENTRAL_DIRECTORY[3]) {
                int commentLength = (tail[start + 20] & 0xff) | (tail[start + 21] & 0xff) << 8;
                if (start + END_RECORD_SIZE + commentLength == size) {
                    return true;
                }
            }
        }
        return false;
    }

    private void remember(byte b) {
        ring[(int) (total % CAPACITY)] = b;
        total++;
    }
}

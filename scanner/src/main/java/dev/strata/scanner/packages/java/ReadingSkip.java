package dev.strata.scanner.packages.java;

import java.io.IOException;
import java.io.InputStream;

/** Skips by reading, so that a stream which counts or hashes what passes through sees every skipped byte. */
final class ReadingSkip {
    private ReadingSkip() {
    }

    /** Reads up to {@code n} bytes of {@code in} through its own {@code read}; returns how many were skipped. */
    static long skip(InputStream in, long n) throws IOException {
        byte[] buf = new byte[8192];
        long done = 0;
        while (done < n) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }
}

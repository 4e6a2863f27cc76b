package dev.strata.scanner.layer;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Inflates gzip in the JVM ({@link GZIPInputStream}: multi-member streams, trailing bytes left unread). */
final class JavaGzipInflater implements GzipInflater {
    static final JavaGzipInflater INSTANCE = new JavaGzipInflater();
    private static final int BUFFER = 64 * 1024;

    private JavaGzipInflater() {
    }

    @Override
    public InputStream inflate(InputStream compressed, long compressedSize) throws IOException {
        return new GZIPInputStream(compressed, BUFFER);
    }

    @Override
    public String describe() {
        return "java";
    }
}

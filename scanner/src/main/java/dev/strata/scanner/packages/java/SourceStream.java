package dev.strata.scanner.packages.java;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** The analysed file's stream: marks its I/O failures as {@link SourceIOException}; close() is a no-op. */
final class SourceStream extends FilterInputStream {

    SourceStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw new SourceIOException(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            throw new SourceIOException(e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException e) {
            throw new SourceIOException(e);
        }
    }

    @Override
    public void close() {
        // the caller owns the stream
    }
}

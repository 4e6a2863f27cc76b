package dev.strata.scanner.layer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A buffering stream whose {@link #available()} blocks to fill its buffer and so returns 0 only at the end
 * of the input. {@link java.util.zip.GZIPInputStream} decides whether another gzip member follows by
 * asking {@code available() > 0}; on a pipe or socket that can be 0 between members, which silently drops
 * the rest of a multi-member gzip. Also lets the caller peek at the magic bytes.
 */
final class ReadAheadInputStream extends InputStream {
    private final InputStream in;
    private final byte[] buf;
    private int pos;
    private int lim;
    private boolean eof;

    ReadAheadInputStream(InputStream in, int bufferSize) {
        this.in = in;
        this.buf = new byte[bufferSize];
    }

    /** Up to {@code n} first unread bytes, without consuming them (fewer only at the end of the input). */
    byte[] peek(int n) throws IOException {
        if (n > buf.length) {
            throw new IllegalArgumentException("peek larger than the buffer");
        }
        if (lim - pos < n) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
            while (lim < n && !eof) {
                int r = in.read(buf, lim, buf.length - lim);
                if (r < 0) {
                    eof = true;
                } else {
                    lim += r;
                }
            }
        }
        return Arrays.copyOfRange(buf, pos, pos + Math.min(n, lim - pos));
    }

    private boolean fill() throws IOException {
        if (pos < lim) {
            return true;
        }
        pos = 0;
        lim = 0;
        while (!eof && lim == 0) {
            int r = in.read(buf, 0, buf.length);
            if (r < 0) {
                eof = true;
            } else {
                lim = r;
            }
        }
        return lim > 0;
    }

    @Override
    public int read() throws IOException {
        return fill() ? buf[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos >= lim && len >= buf.length && !eof) {
            int r = in.read(b, off, len); // large reads bypass the buffer
            if (r < 0) {
                eof = true;
            }
            return r;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, lim - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public int available() throws IOException {
        return fill() ? lim - pos : 0;
    }

    @Override
    public void close() {
        // the caller owns the underlying stream
    }
}

package dev.strata.scanner.packages.java;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The raw bytes of one archive as they stream past: their SHA-1 and the last bytes, where the ZIP end of central
 * directory record must be (it is 22 bytes plus a comment of at most 65535). close() is a no-op.
 */
final class ArchiveStream extends FilterInputStream {

    private static final int EOCD_MIN = 22;
    private static final int TAIL = EOCD_MIN + 0xFFFF;

    private final MessageDigest sha1;
    private final byte[] tail = new byte[TAIL];
    private long total;

    ArchiveStream(InputStream in) {
        super(in);
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is a required JDK algorithm", e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            seen(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            seen(b, off, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return ReadingSkip.skip(this, n);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        // the underlying stream belongs to the caller
    }

    /** Reads the rest of the stream so that the digest and the tail cover the whole archive. */
    void drain() throws IOException {
        byte[] buf = new byte[64 * 1024];
        while (read(buf, 0, buf.length) >= 0) {
            // digest only
        }
    }

    /** Lower-case hex SHA-1 of everything read so far. */
    String sha1Hex() {
        return HexFormat.of().formatHex(sha1.digest());
    }

    long bytesRead() {
        return total;
    }

    /** Whether the bytes read so far end with a ZIP end of central directory record (whose comment reaches the end). */
    boolean endsWithCentralDirectory() {
        int have = (int) Math.min(total, TAIL);
        byte[] last = new byte[have];
        int start = (int) ((total - have) % TAIL);
        for (int i = 0; i < have; i++) {
            last[i] = tail[(start + i) % TAIL];
        }
        for (int at = have - EOCD_MIN; at >= 0; at--) {
            if (last[at] == 'P' && last[at + 1] == 'K' && last[at + 2] == 5 && last[at + 3] == 6) {
                int commentLength = (last[at + 20] & 0xff) | (last[at + 21] & 0xff) << 8;
                if (at + EOCD_MIN + commentLength == have) {
                    return true;
                }
            }
        }
        return false;
    }

    private void seen(byte[] b, int off, int n) {
        sha1.update(b, off, n);
        int keep = Math.min(n, TAIL);
        int src = off + n - keep;
        int at = (int) ((total + n - keep) % TAIL);
        int first = Math.min(keep, TAIL - at);
        System.arraycopy(b, src, tail, at, first);
        System.arraycopy(b, src + first, tail, 0, keep - first);
        total += n;
    }
}

package dev.strata.scanner.registry;

import dev.strata.scanner.image.Descriptor;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A blob download that survives dropped connections: after a failure mid-body it asks again with
 * {@code Range: bytes=N-} (or, when the registry answers 200, skips the bytes already delivered), within
 * the retry policy's attempts. It delivers the bytes once, in order; verification is the reader's job.
 */
final class ResumingBlobStream extends InputStream {
    private final RegistryClient client;
    private final Descriptor blob;
    private RegistryResponse response;
    private long delivered;
    private int failures;

    ResumingBlobStream(RegistryClient client, Descriptor blob) throws IOException {
        this.client = client;
        this.blob = blob;
        this.response = client.blobResponse(blob.digest(), 0);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (true) {
            try {
                int n = response.body().read(b, off, len);
                if (n > 0) {
                    delivered += n;
                }
                return n;
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                failures++;
                if (!client.retry().mayRetry(failures) || delivered >= blob.size()) {
                    throw new IOException("download of blob " + blob.digest() + " failed after " + delivered
                            + " of " + blob.size() + " bytes: " + e.getMessage(), e);
                }
                response.close();
                Retrying.sleep(client.retry().delay(failures, null, Instant.now(), ThreadLocalRandom.current()),
                        "blob " + blob.digest());
                reopen();
            }
        }
    }

    private void reopen() throws IOException {
        RegistryResponse next = client.blobResponse(blob.digest(), delivered);
        if (next.status() == 206) {
            String range = next.header("content-range");
            if (range == null || !range.trim().startsWith("bytes " + delivered + "-")) {
                next.close();
                throw new IOException("registry answered the resume of blob " + blob.digest() + " at byte "
                        + delivered + " with Content-Range " + range);
            }
        } else {
            // no range support: read again from the start and drop what was already delivered
            long skip = delivered;
            byte[] buf = new byte[65536];
            while (skip > 0) {
                int n = next.body().read(buf, 0, (int) Math.min(buf.length, skip));
                if (n < 0) {
                    next.close();
                    throw new IOException("blob " + blob.digest() + " ended early on retry");
                }
                skip -= n;
            }
        }
        response = next;
    }

    @Override
    public void close() {
        response.close();
    }
}

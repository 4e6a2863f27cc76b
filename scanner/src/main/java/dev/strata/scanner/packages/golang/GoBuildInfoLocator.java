package dev.strata.scanner.packages.golang;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * Finds the build-info blob in a Go binary read as a stream. The linker aligns {@code .go.buildinfo} to 16 bytes
 * and ELF keeps file offsets congruent to addresses, so only 16-aligned file offsets are checked, in 1 MiB
 * buffers; a match must also have a valid pointer size and flags (the magic string also occurs as plain data in
 * programs that read build info themselves). The blob returned runs from the magic for at most {@link #MAX_BLOB}
 * bytes or to the end of the stream.
 */
final class GoBuildInfoLocator {

    static final int MAX_BLOB = 1 << 20;
    private static final int BUFFER = 1 << 20;

    private GoBuildInfoLocator() {
    }

    /** The blob at the first build-info header, reading {@code in} only as far as needed. */
    static Optional<byte[]> find(InputStream in) throws IOException {
        byte[] buf = new byte[BUFFER];
        while (true) {
            int n = in.readNBytes(buf, 0, buf.length);
            for (int at = 0; at + 16 <= n; at += 16) {
                if (buf[at] == (byte) 0xff && GoBuildInfoDecoder.isHeader(buf, at, n)) {
                    return Optional.of(blob(buf, at, n, in));
                }
            }
            if (n < buf.length) {
                return Optional.empty();
            }
        }
    }

    private static byte[] blob(byte[] buf, int at, int n, InputStream in) throws IOException {
        int have = n - at;
        if (have >= MAX_BLOB) {
            return Arrays.copyOfRange(buf, at, at + MAX_BLOB);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(MAX_BLOB);
        out.write(buf, at, have);
        out.write(in.readNBytes(MAX_BLOB - have));
        return out.toByteArray();
    }
}

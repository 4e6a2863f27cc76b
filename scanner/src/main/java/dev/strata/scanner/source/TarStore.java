package dev.strata.scanner.source;

import dev.strata.scanner.image.ImageFormatException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * An uncompressed tar read in place: the entries are indexed once with commons-compress {@link TarFile},
 * then each entry is read with positional reads on one shared {@link FileChannel} (positional reads are
 * safe from several threads; {@code TarFile.getInputStream} moves a shared channel position and is not).
 * Nothing is extracted to disk.
 */
final class TarStore implements BlobStore {
    private record Slice(long offset, long size) {
    }

    private final Path path;
    private final String describe;
    private final Map<String, Slice> entries = new HashMap<>();
    private final FileChannel channel;
    private boolean noEndMarker;

    TarStore(Path path, String describe) throws IOException {
        this.path = path;
        this.describe = describe;
        if (!Files.isRegularFile(path)) {
            throw new ImageFormatException(Files.exists(path) ? path + " is not a regular file"
                    : "no such file: " + path);
        }
        long fileSize = Files.size(path);
        long lastEnd = 0;
        try (TarFile tar = new TarFile(Files.newByteChannel(path, StandardOpenOption.READ))) {
            for (TarArchiveEntry e : tar.getEntries()) {
                lastEnd = Math.max(lastEnd, e.getDataOffset() + (e.getSize() + 511) / 512 * 512);
                if (!e.isFile() || e.isSparse()) {
                    continue;
                }
                if (e.getDataOffset() + e.getSize() > fileSize) {
                    throw new ImageFormatException(path + " is truncated: entry " + e.getName() + " needs "
                            + (e.getDataOffset() + e.getSize()) + " bytes but the file has " + fileSize);
                }
                entries.put(normalise(e.getName()), new Slice(e.getDataOffset(), e.getSize()));
            }
        } catch (ImageFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImageFormatException(path + " is not a readable tar archive (truncated or corrupt?): "
                    + e.getMessage(), e);
        }
        if (entries.isEmpty()) {
            throw new ImageFormatException(path + " is not a tar archive or holds no files");
        }
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        checkTrailer(fileSize, lastEnd);
    }

    /**
     * TarFile silently stops at an entry cut short; what follows the last complete entry must then be the
     * zero blocks of the end-of-archive marker (or nothing), else the archive is truncated or corrupt.
     */
    private void checkTrailer(long fileSize, long lastEnd) throws IOException {
        long remainder = fileSize - lastEnd;
        if (remainder <= 0) {
            noEndMarker = true;
            return;
        }
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(remainder, 1024));
        while (buf.hasRemaining() && channel.read(buf, lastEnd + buf.position()) > 0) {
            // fill
        }
        for (int i = 0; i < buf.position(); i++) {
            if (buf.get(i) != 0) {
                channel.close();
                throw new ImageFormatException(path + " is truncated or corrupt: unreadable data at byte "
                        + lastEnd + " after the last complete entry");
            }
        }
    }

    /** Entry names without {@code ./} or leading {@code /}. */
    static String normalise(String name) {
        String n = name;
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        return n;
    }

    @Override
    public String describe() {
        return describe;
    }

    @Override
    public String missingHint() {
        return noEndMarker ? " (the tar has no end-of-archive marker: truncated?)" : "";
    }

    @Override
    public long size(String name) {
        Slice s = entries.get(name);
        return s == null ? -1 : s.size;
    }

    @Override
    public InputStream open(String name) throws IOException {
        Slice s = entries.get(name);
        if (s == null) {
            throw new ImageFormatException(name + " is missing from " + describe + missingHint());
        }
        return new SliceInputStream(s.offset, s.offset + s.size);
    }

    @Override
    public byte[] read(String name) throws IOException {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private final class SliceInputStream extends InputStream {
        private long pos;
        private final long end;
        private volatile boolean closed;

        SliceInputStream(long start, long end) {
            this.pos = start;
            this.end = end;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("stream of " + path + " closed");
            }
            if (len == 0) {
                return 0;
            }
            if (pos >= end) {
                return -1;
            }
            int n = (int) Math.min(len, end - pos);
            int r = channel.read(ByteBuffer.wrap(b, off, n), pos);
            if (r < 0) {
                throw new EOFException(path + " is truncated");
            }
            pos += r;
            return r;
        }

        @Override
        public long skip(long n) {
            long k = Math.max(0, Math.min(n, end - pos));
            pos += k;
            return k;
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, end - pos);
        }
    }
}

package dev.strata.scanner.registry;

import dev.strata.scanner.image.Digest;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * An exclusive lock on one blob digest shared by every process using the same data directory: an OS file lock
 * ({@link FileChannel#lock()}) on {@code <tmp>/<hex>.lock}, next to the blob's temporary files. Whoever holds
 * it downloads the blob; the others wait and then find it stored. The OS releases the lock when its holder
 * exits, however it ends, so a crashed download never blocks the next one. Within one JVM only one thread
 * may hold a given digest's lock (the {@link ContentStore} sees to that).
 */
final class BlobLock implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Path tmp;
    private final Digest digest;

    private BlobLock(Path file, FileChannel channel, FileLock lock, Path tmp, Digest digest) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.tmp = tmp;
        this.digest = digest;
    }

    /**
     * Takes the lock for {@code digest} in {@code tmp}, waiting while another process holds it. A lock won on
     * a file its holder deleted meanwhile is dropped and taken again on the current file.
     */
    static BlobLock acquire(Path tmp, Digest digest) throws IOException {
        Path file = tmp.resolve(digest.hex() + ".lock");
        while (true) {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                Object opened = fileKey(file);
                FileLock lock = channel.lock();
                Object now = fileKey(file);
                if (opened != null && opened.equals(now)) {
                    return new BlobLock(file, channel, lock, tmp, digest);
                }
                channel.close(); // the previous holder deleted the file: lock the current one
            } catch (ClosedByInterruptException e) {
                throw new InterruptedIOException("interrupted while waiting for another process to download blob "
                        + digest);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }
    }

    private static Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null; // deleted
        }
    }

    /** The prefix of the temporary files the holder downloads into. */
    static String partialPrefix(Digest digest) {
        return digest.hex() + "-";
    }

    /** Deletes temporary files of this blob left by a holder that died mid-download (only the holder may). */
    void deleteStalePartials() throws IOException {
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(tmp, partialPrefix(digest) + "*.partial")) {
            for (Path p : stale) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Deletes the lock file while still holding it, whether or not the blob was stored (so nothing stays in
     * {@code tmp}): a process waiting on the deleted file takes the lock of a fresh one instead.
     */
    void deleteFile() throws IOException {
        Files.deleteIfExists(file);
    }

    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } finally {
            channel.close();
        }
    }
}

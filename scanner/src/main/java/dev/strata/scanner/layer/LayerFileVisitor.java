package dev.strata.scanner.layer;

import java.io.IOException;
import java.io.InputStream;

/**
 * Lets an analyser see the content of selected regular files while a layer streams, so each byte is read
 * (and hashed) only once. Called on the tar-parsing thread, in tar order; hard links, symlinks and
 * whiteouts are not offered.
 */
public interface LayerFileVisitor {
    /** Whether {@link #visit} should be called for the regular file {@code path} (clean absolute) of {@code size} bytes. */
    boolean wants(String path, long size);

    /**
     * Reads (any prefix of) the file's content. {@code content} is only valid during the call; what the
     * visitor does not read is read (and hashed) afterwards; closing it does nothing. An exception fails the
     * whole layer read, so a visitor that should tolerate bad content must catch its own parse errors.
     */
    void visit(String path, InputStream content) throws IOException;
}

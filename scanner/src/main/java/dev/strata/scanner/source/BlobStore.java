package dev.strata.scanner.source;

import dev.strata.scanner.image.ImageFormatException;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** Named files of an image source: a directory, an indexed tar, or the small entries of a compressed tar. */
interface BlobStore extends Closeable {
    /** Largest manifest, index or config blob read into memory. */
    long SMALL_LIMIT = 4L * 1024 * 1024;

    /** The source as the user named it, for messages ({@code oci:/dir}). */
    String describe();

    /** Appended to "is missing" messages, e.g. when the archive looks truncated. */
    default String missingHint() {
        return "";
    }

    /** Size of the named file, or -1 when it is absent. */
    long size(String name) throws IOException;

    /** Opens the named file; only for random-access stores. */
    InputStream open(String name) throws IOException;

    /** Reads a small file whole. */
    byte[] read(String name) throws IOException;

    /** Reads a small file, naming it {@code what} in the errors (missing, larger than 4 MiB). */
    default byte[] readSmall(String name, String what) throws IOException {
        long size = size(name);
        if (size < 0) {
            throw new ImageFormatException(what + " is missing from " + describe() + missingHint());
        }
        if (size > SMALL_LIMIT) {
            throw new ImageFormatException(what + " in " + describe() + " is " + size
                    + " bytes, more than the 4 MiB limit for manifests and configs");
        }
        return read(name);
    }
}

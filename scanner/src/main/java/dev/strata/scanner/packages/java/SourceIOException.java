package dev.strata.scanner.packages.java;

import java.io.IOException;

/** An I/O failure of the file stream handed to the analyser (not of the archive format); it propagates. */
final class SourceIOException extends IOException {

    SourceIOException(IOException cause) {
        super(cause.getMessage(), cause);
    }
}

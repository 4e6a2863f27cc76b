package dev.strata.scanner.packages.java;

import java.io.IOException;

/** An archive exceeded one of the {@link ArchiveLimits}; the archive being read is skipped. */
final class ArchiveLimitException extends IOException {

    ArchiveLimitException(String message) {
        super(message);
    }
}

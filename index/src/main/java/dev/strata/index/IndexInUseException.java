package dev.strata.index;

import java.io.IOException;
import java.nio.file.Path;

/** The index directory is locked by another writer (another Strata process, or another open in this one). */
public final class IndexInUseException extends IOException {
    public IndexInUseException(Path indexDir, Throwable cause) {
        super("index at " + indexDir + " is in use by another Strata process", cause);
    }
}

package dev.strata.index.advisory;

import java.io.IOException;
import java.nio.file.Path;

/** Thrown by {@link AdvisoryStore#open} when no vulnerability database has been imported yet. */
public final class NoAdvisoryDatabaseException extends IOException {
    private final Path directory;

    public NoAdvisoryDatabaseException(Path directory) {
        super("no vulnerability database in " + directory + ": run 'strata db import' or 'strata db update'");
        this.directory = directory;
    }

    /** The {@code vulndb} directory that holds no database. */
    public Path directory() {
        return directory;
    }
}

package dev.strata.index;

import java.io.IOException;
import java.nio.file.Path;

/** The index on disk was written with a different schema version than this build understands. */
public final class IndexSchemaException extends IOException {
    public IndexSchemaException(Path indexDir, String foundVersion) {
        super("index at " + indexDir + " has schema version " + (foundVersion == null ? "(none)" : foundVersion)
                + " but this Strata needs " + IndexSchema.SCHEMA_VERSION
                + "; delete that directory and re-scan");
    }
}

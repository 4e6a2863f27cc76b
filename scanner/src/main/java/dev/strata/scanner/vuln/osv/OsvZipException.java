package dev.strata.scanner.vuln.osv;

import java.io.IOException;
import java.io.UncheckedIOException;

/** An OSV export zip that cannot be read to its end (truncated or corrupt); the message names the zip. */
public final class OsvZipException extends UncheckedIOException {

    private final String zipName;

    public OsvZipException(String zipName, String problem, IOException cause) {
        super("OSV zip " + zipName + ": " + problem, cause);
        this.zipName = zipName;
    }

    /** The zip's name as given to the reader. */
    public String zipName() {
        return zipName;
    }
}

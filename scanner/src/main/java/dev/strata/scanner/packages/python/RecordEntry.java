package dev.strata.scanner.packages.python;

import java.nio.file.Path;

/**
 * One line of a wheel {@code RECORD} file: a path relative to the site-packages directory (may climb out with
 * {@code ..}), its {@code algo=digest} hash and size; hash and size are null when empty (RECORD lists itself so).
 */
public record RecordEntry(String path, String hash, Long size) {

    /** The absolute, normalised path when the distribution lives in {@code sitePackagesDir}. */
    public String resolveAgainst(String sitePackagesDir) {
        return Path.of(sitePackagesDir).resolve(path).normalize().toString();
    }
}

package dev.strata.scanner.packages.analysis;

import dev.strata.scanner.packages.DetectedPackage;

import java.util.List;

/**
 * A language package found in file {@code file} of a layer (its metadata file, or the archive or binary it was
 * read from). {@code sha1} is set for Java archives; {@code files} are the paths a Python RECORD lists (else empty);
 * {@code application} marks an npm {@code package.json} outside {@code node_modules}.
 */
public record FoundPackage(String file, DetectedPackage pkg, String sha1, List<String> files, boolean application) {

    public FoundPackage {
        files = files == null ? List.of() : List.copyOf(files);
    }
}

package dev.strata.scanner.packages.analysis;

import dev.strata.scanner.packages.DetectedPackage;

import java.util.List;

/** One package of an OS package database with the files it owns (empty when the database has none, as dpkg). */
public record DatabasePackage(DetectedPackage pkg, List<String> files) {

    public DatabasePackage {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** The identity used to follow a package across layers: name, version and architecture. */
    public String key() {
        return pkg.name() + " " + pkg.version() + " " + pkg.architecture();
    }
}

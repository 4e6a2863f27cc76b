package dev.strata.scanner.packages.analysis;

import java.util.List;

/** The installed packages of one OS package database file ({@code path} absolute) as one layer wrote it. */
public record PackageDatabase(String path, List<DatabasePackage> packages) {

    public PackageDatabase {
        packages = packages == null ? List.of() : List.copyOf(packages);
    }
}

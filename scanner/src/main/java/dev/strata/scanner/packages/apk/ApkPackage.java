package dev.strata.scanner.packages.apk;

import dev.strata.scanner.packages.DetectedPackage;
import dev.strata.scanner.packages.PackageType;
import java.util.List;
import java.util.Objects;

/**
 * One installed apk package. {@code origin} (the source package) defaults to {@code name} when the entry has no
 * {@code o:} line; {@code architecture}, {@code license} and {@code description} may be null. {@code files} are
 * absolute paths of the regular files, symlinks etc. the package owns ({@code /F/R}); {@code line} is where the
 * entry starts.
 */
public record ApkPackage(String name, String version, String architecture, String origin, String license,
                         String description, List<String> files, int line) {

    public ApkPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(origin, "origin");
        files = List.copyOf(files);
    }

    /**
     * As a {@link DetectedPackage} found at {@code path} (the database file), with the purl distro qualifier
     * (nullable). The source version of an apk is the package version: origin and subpackages share it.
     */
    public DetectedPackage toDetectedPackage(String path, String distro) {
        return new DetectedPackage(PackageType.APK, null, name, version, architecture, origin, version,
                license == null ? List.of() : List.of(license), path == null ? List.of() : List.of(path), distro);
    }
}

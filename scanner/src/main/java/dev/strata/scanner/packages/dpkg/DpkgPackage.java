package dev.strata.scanner.packages.dpkg;

import dev.strata.scanner.packages.DetectedPackage;
import dev.strata.scanner.packages.PackageType;
import java.util.List;
import java.util.Objects;

/**
 * One installed package from the dpkg database. {@code sourceName}/{@code sourceVersion} default to the binary
 * name/version when the stanza has no {@code Source} field or no version in it. {@code line} is where the stanza
 * starts. {@code architecture} and {@code maintainer} may be null.
 */
public record DpkgPackage(String name, String version, String architecture, String sourceName,
                          String sourceVersion, String maintainer, int line) {

    public DpkgPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(sourceVersion, "sourceVersion");
    }

    /** As a {@link DetectedPackage} found at {@code path}, with the purl distro qualifier (nullable). */
    public DetectedPackage toDetectedPackage(String path, String distro) {
        return new DetectedPackage(PackageType.DEB, null, name, version, architecture, sourceName, sourceVersion,
                List.of(), path == null ? List.of() : List.of(path), distro);
    }
}

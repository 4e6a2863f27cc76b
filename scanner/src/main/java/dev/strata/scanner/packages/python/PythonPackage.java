package dev.strata.scanner.packages.python;

import dev.strata.scanner.packages.DetectedPackage;
import dev.strata.scanner.packages.PackageType;
import java.util.List;
import java.util.Objects;

/** A Python distribution as declared by its core metadata; {@code metadataVersion} may be null. */
public record PythonPackage(String name, String version, List<String> licenses, String metadataVersion) {

    public PythonPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        licenses = List.copyOf(licenses);
    }

    /** As a {@link DetectedPackage} found at {@code path} (the metadata file). */
    public DetectedPackage toDetectedPackage(String path) {
        return DetectedPackage.of(PackageType.PYPI, null, name, version, licenses,
                path == null ? List.of() : List.of(path));
    }
}

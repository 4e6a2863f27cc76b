package dev.strata.scanner.packages.npm;

import dev.strata.scanner.packages.DetectedPackage;
import dev.strata.scanner.packages.PackageType;
import java.util.List;
import java.util.Objects;

/** An npm package as declared by its {@code package.json}; {@code name} keeps any {@code @scope/} prefix. */
public record NpmPackage(String name, String version, List<String> licenses) {

    public NpmPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        licenses = List.copyOf(licenses);
    }

    /** As a {@link DetectedPackage} found at {@code path} (the package.json). */
    public DetectedPackage toDetectedPackage(String path) {
        return DetectedPackage.of(PackageType.NPM, null, name, version, licenses,
                path == null ? List.of() : List.of(path));
    }
}

package dev.strata.scanner.packages.npm;

import dev.strata.scanner.packages.DetectedPackage;
import dev.strata.scanner.packages.PackageType;
import java.util.List;

/**
 * One package of a lockfile: its install path ({@code node_modules/a/node_modules/@s/b}), name, version and
 * scope; {@code peer} is set when it is installed only to satisfy a peer dependency.
 */
public record LockedPackage(String path, String name, String version, NpmScope scope, boolean peer) {

    /** As a {@link DetectedPackage} found at {@code lockfilePath}. */
    public DetectedPackage toDetectedPackage(String lockfilePath) {
        return DetectedPackage.of(PackageType.NPM, null, name, version, List.of(),
                lockfilePath == null ? List.of() : List.of(lockfilePath));
    }
}

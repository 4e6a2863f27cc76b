package dev.strata.scanner.packages.java;

import dev.strata.scanner.packages.DetectedPackage;
import dev.strata.scanner.packages.PackageType;
import java.util.List;
import java.util.Objects;

/** Maven coordinates {@code groupId:artifactId:version}. */
public record MavenCoordinates(String groupId, String artifactId, String version) {

    public MavenCoordinates {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(version, "version");
    }

    /** As a {@link DetectedPackage} found at {@code path} (e.g. {@code /app/lib/x.jar}). */
    public DetectedPackage toDetectedPackage(String path) {
        return DetectedPackage.of(PackageType.MAVEN, groupId, artifactId, version, List.of(),
                path == null ? List.of() : List.of(path));
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + ":" + version;
    }
}

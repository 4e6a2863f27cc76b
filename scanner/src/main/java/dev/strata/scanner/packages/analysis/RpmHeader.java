package dev.strata.scanner.packages.analysis;

import dev.strata.scanner.packages.DetectedPackage;
import dev.strata.scanner.packages.PackageType;

import java.util.List;

/**
 * The fields of one rpm package header that inventory needs. {@code epoch}, {@code arch}, {@code sourceRpm} and
 * {@code license} may be null; {@code files} are absolute paths (DIRNAMES[DIRINDEXES[i]] + BASENAMES[i]).
 */
public record RpmHeader(String name, Integer epoch, String version, String release, String arch, String sourceRpm,
                        String license, List<String> files) {

    public RpmHeader {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** {@code [epoch:]version-release}, the form the rpm version ordering and the purl helper expect. */
    public String fullVersion() {
        return (epoch == null ? "" : epoch + ":") + version + "-" + release;
    }

    /** As a {@link DetectedPackage} found at {@code path}; the source package comes from SOURCERPM when parsable. */
    public DetectedPackage toDetectedPackage(String path) {
        String sourceName = name;
        String sourceVersion = fullVersion();
        if (sourceRpm != null) {
            String base = sourceRpm.replaceFirst("\\.(no)?src\\.rpm$", "");
            int release = base.lastIndexOf('-');
            int version = release > 0 ? base.lastIndexOf('-', release - 1) : -1;
            if (version > 0) {
                sourceName = base.substring(0, version);
                sourceVersion = (epoch == null ? "" : epoch + ":") + base.substring(version + 1);
            }
        }
        return new DetectedPackage(PackageType.RPM, null, name, fullVersion(), arch, sourceName, sourceVersion,
                license == null ? List.of() : List.of(license), path == null ? List.of() : List.of(path), null);
    }
}

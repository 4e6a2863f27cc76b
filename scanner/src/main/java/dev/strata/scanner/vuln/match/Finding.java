package dev.strata.scanner.vuln.match;

import java.util.List;
import java.util.Objects;

/**
 * One advisory matched against one package occurrence. {@code installedVersion} is the package's own version (Debian
 * compares its source version); {@code fixedVersion} is set only for {@link FindingStatus#FIXED}; {@code title},
 * {@code layerDiffId} and {@code path} (the package's first path) may be null.
 */
public record Finding(String id, List<String> aliases, String packagePurl, String packageName,
                      String installedVersion, String fixedVersion, FindingStatus status, Severity severity,
                      String title, String layerDiffId, String path) {

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(severity, "severity");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        if ((status == FindingStatus.FIXED) != (fixedVersion != null)) {
            throw new IllegalArgumentException("fixedVersion must be set exactly for FIXED: " + status + " " + fixedVersion);
        }
    }
}

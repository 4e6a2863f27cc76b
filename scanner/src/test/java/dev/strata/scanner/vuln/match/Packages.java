package dev.strata.scanner.vuln.match;

import dev.strata.scanner.report.OsSummary;
import dev.strata.scanner.report.PackageSummary;

import java.util.List;

/** Test packages shaped like the demo image's inventory. */
final class Packages {

    static final OsSummary DEBIAN_12 = new OsSummary("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)",
            List.of(), "debian-12");
    static final OsSummary ALPINE_3_19 = new OsSummary("alpine", "3.19.1", null, "Alpine Linux v3.19", List.of(),
            "alpine-3.19.1");
    static final String LAYER = "sha256:1111111111111111111111111111111111111111111111111111111111111111";

    private Packages() {
    }

    static PackageSummary maven(String group, String artifact, String version, String path) {
        String purl = group == null ? "pkg:maven/" + artifact + "@" + version
                : "pkg:maven/" + group + "/" + artifact + "@" + version;
        return pkg("maven", group, artifact, version, purl, null, null, path, null);
    }

    static PackageSummary npm(String name, String version, String path) {
        return pkg("npm", null, name, version, "pkg:npm/" + name + "@" + version, null, null, path, null);
    }

    static PackageSummary deb(String name, String version, String source, String sourceVersion) {
        return pkg("deb", "debian", name, version, "pkg:deb/debian/" + name + "@" + version + "?distro=debian-12",
                source, sourceVersion, "/var/lib/dpkg/status", null);
    }

    static PackageSummary pkg(String type, String namespace, String name, String version, String purl,
            String sourceName, String sourceVersion, String path, String ownedBy) {
        return new PackageSummary(type, namespace, name, version, purl, null, sourceName, sourceVersion, List.of(),
                path == null ? List.of() : List.of(path), null, LAYER, ownedBy, null, null);
    }
}

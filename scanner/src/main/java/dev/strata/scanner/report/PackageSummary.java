package dev.strata.scanner.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.strata.scanner.packages.DetectedPackage;
import dev.strata.scanner.packages.InstalledPackage;
import dev.strata.scanner.packages.PackageType;

import java.util.List;

/**
 * One installed package in the report: {@code type} is the purl type ({@code deb}, {@code maven}…),
 * {@code namespace} the Maven groupId, {@code layerDiffId} the layer that introduced it, {@code ownedBy} the
 * purl of the OS package owning its files, {@code sha1} the archive's SHA-1 for Java packages, {@code scope}
 * {@code dev} or {@code optional} when a lockfile says the package is not needed in production.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PackageSummary(String type, String namespace, String name, String version, String purl,
                             String architecture, String sourceName, String sourceVersion, List<String> licenses,
                             List<String> paths, String distro, String layerDiffId, String ownedBy, String sha1,
                             String scope) {
    public PackageSummary {
        licenses = licenses == null ? List.of() : List.copyOf(licenses);
        paths = paths == null ? List.of() : List.copyOf(paths);
    }

    public static PackageSummary of(InstalledPackage installed) {
        return of(installed, null);
    }

    public static PackageSummary of(InstalledPackage installed, String scope) {
        DetectedPackage p = installed.pkg();
        return new PackageSummary(p.type().purlType(), p.namespace(), p.name(), p.version(), p.purl(),
                p.architecture(), p.sourceName(), p.sourceVersion(), p.licenses(), p.paths(), p.distro(),
                installed.layerDiffId(), installed.ownedBy(), installed.sha1(), scope);
    }

    /** The package back as the scanner's model, e.g. to write an SBOM from a stored report. */
    public InstalledPackage toInstalled() {
        DetectedPackage p = new DetectedPackage(PackageType.ofPurlType(type), namespace, name, version, architecture,
                sourceName, sourceVersion, licenses, paths, distro);
        return new InstalledPackage(p, layerDiffId, ownedBy, sha1);
    }
}

package dev.strata.scanner.packages.java;

import dev.strata.scanner.packages.DetectedPackage;
import dev.strata.scanner.packages.PackageType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which packages one archive (outer or nested) stands for, from what was read in it.
 *
 * <ol>
 *   <li>Every {@code META-INF/maven/**}{@code /pom.properties} with complete coordinates is one Maven package (a
 *       shaded jar gives several); a {@code pom.xml} alone never counts.</li>
 *   <li>Without any: the manifest. Version: {@code Implementation-Version}, else {@code Bundle-Version}, else the
 *       file name's. Name: the artifactId of the file name when that name has a version, else
 *       {@code Bundle-SymbolicName}, else {@code Automatic-Module-Name}, else {@code Implementation-Title}, else the
 *       file name ({@code app.jar} is usually a renamed copy, so its name is the last resort). Group: {@link ManifestGroupGuess}, else
 *       none. No version means no package (a Spring Boot fat jar without version names no app).</li>
 *   <li>Without a manifest: the file name ({@code log4j-core-2.14.1.jar} gives {@code log4j-core} 2.14.1, no
 *       group) when it has a version.</li>
 * </ol>
 */
final class ArchiveIdentity {

    private static final JarFileNameParser FILE_NAMES = new JarFileNameParser();

    private ArchiveIdentity() {
    }

    /** The packages of the archive at {@code location}; {@code manifest} is null when it had none. */
    static List<DetectedPackage> decide(String location, List<MavenCoordinates> pomProperties, JarManifest manifest) {
        if (!pomProperties.isEmpty()) {
            return fromPomProperties(location, pomProperties);
        }
        JarFileName fileName = FILE_NAMES.parse(location).orElse(null);
        String fileArtifact = fileName == null ? null : fileName.artifactId();
        String fileVersion = fileName == null ? null : fileName.version();
        if (manifest == null) {
            return fileArtifact == null || fileVersion == null ? List.of()
                    : List.of(maven(null, fileArtifact, fileVersion, location));
        }
        String version = manifest.implementationVersion().or(manifest::bundleVersion).orElse(fileVersion);
        // a file name without version (app.jar) is likely a renamed copy: prefer the manifest's names then
        String trustedArtifact = fileVersion != null ? fileArtifact : null;
        String name = trustedArtifact != null ? trustedArtifact
                : manifest.bundleSymbolicName().or(manifest::automaticModuleName)
                        .or(manifest::implementationTitle).orElse(fileArtifact);
        if (name == null || version == null) {
            return List.of();
        }
        String group = ManifestGroupGuess.guess(manifest, trustedArtifact).orElse(null);
        return List.of(maven(group, name, version, location));
    }

    /** Only the pom.properties packages: what is certain even when the rest of the archive could not be read. */
    static List<DetectedPackage> fromPomProperties(String location, List<MavenCoordinates> pomProperties) {
        Set<MavenCoordinates> unique = new LinkedHashSet<>(pomProperties);
        List<DetectedPackage> out = new ArrayList<>();
        for (MavenCoordinates c : unique) {
            out.add(c.toDetectedPackage(location));
        }
        return out;
    }

    private static DetectedPackage maven(String group, String name, String version, String location) {
        return DetectedPackage.of(PackageType.MAVEN, group, name, version, List.of(), List.of(location));
    }
}

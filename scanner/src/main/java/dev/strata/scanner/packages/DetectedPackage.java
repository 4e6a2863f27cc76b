package dev.strata.scanner.packages;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURLBuilder;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A package found in an image.
 *
 * <p>{@code namespace} is the Maven groupId (null for other types: npm scopes and Go module paths stay part of
 * {@code name}). {@code architecture}, {@code sourceName}, {@code sourceVersion} and {@code distro} are null when
 * unknown or not applicable; {@code distro} is the purl distro qualifier such as {@code debian-12}.
 */
public record DetectedPackage(
        PackageType type,
        String namespace,
        String name,
        String version,
        String architecture,
        String sourceName,
        String sourceVersion,
        List<String> licenses,
        List<String> paths,
        String distro) {

    private static final Pattern PEP503_SEPARATORS = Pattern.compile("[-_.]+");
    private static final Pattern EPOCH = Pattern.compile("^(\\d+):(.+)$");

    public DetectedPackage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        if (name.isBlank() || version.isBlank()) {
            throw new IllegalArgumentException("blank name or version: '" + name + "' '" + version + "'");
        }
        licenses = licenses == null ? List.of() : List.copyOf(licenses);
        paths = paths == null ? List.of() : List.copyOf(paths);
    }

    /** A package of a language ecosystem, with no source package and no distro. */
    public static DetectedPackage of(PackageType type, String namespace, String name, String version,
                                     List<String> licenses, List<String> paths) {
        return new DetectedPackage(type, namespace, name, version, null, null, null, licenses, paths, null);
    }

    /** This package with the given purl distro qualifier (e.g. {@code alpine-3.19}). */
    public DetectedPackage withDistro(String newDistro) {
        return new DetectedPackage(type, namespace, name, version, architecture, sourceName, sourceVersion,
                licenses, paths, newDistro);
    }

    /** This package with the given paths where it was found. */
    public DetectedPackage withPaths(List<String> newPaths) {
        return new DetectedPackage(type, namespace, name, version, architecture, sourceName, sourceVersion,
                licenses, newPaths, distro);
    }

    /**
     * The package URL, following the purl-spec rules for this type. A Maven artifact whose groupId is unknown
     * (identified only by its manifest or file name) cannot have a {@code pkg:maven} purl — the spec requires
     * the namespace — so it gets {@code pkg:generic/<name>@<version>} rather than a guessed group.
     */
    public String purl() {
        if (type == PackageType.MAVEN && (namespace == null || namespace.isBlank())) {
            PackageURLBuilder generic = PackageURLBuilder.aPackageURL().withType("generic").withName(name)
                    .withVersion(version);
            try {
                return generic.build().canonicalize();
            } catch (MalformedPackageURLException e) {
                throw new IllegalStateException("cannot build a purl for " + name + "@" + version, e);
            }
        }
        PackageURLBuilder b = PackageURLBuilder.aPackageURL().withType(type.purlType());
        switch (type) {
            case DEB -> {
                b.withNamespace(osNamespace("debian")).withName(name);
                versionWithEpochQualifier(b);
                osQualifiers(b);
            }
            case APK -> {
                b.withNamespace(osNamespace("alpine")).withName(name).withVersion(version);
                osQualifiers(b);
            }
            case RPM -> {
                b.withNamespace(osNamespace(null)).withName(name);
                versionWithEpochQualifier(b);
                osQualifiers(b);
            }
            case NPM -> {
                int slash = name.indexOf('/');
                if (name.startsWith("@") && slash > 0) {
                    b.withNamespace(name.substring(0, slash)).withName(name.substring(slash + 1));
                } else {
                    b.withName(name);
                }
                b.withVersion(version);
            }
            case MAVEN -> b.withNamespace(namespace).withName(name).withVersion(version);
            case PYPI -> b.withName(normalizePypiName(name)).withVersion(version);
            case GOLANG -> {
                int slash = name.lastIndexOf('/');
                if (slash > 0) {
                    b.withNamespace(name.substring(0, slash)).withName(name.substring(slash + 1));
                } else {
                    b.withName(name);
                }
                b.withVersion(version);
            }
            default -> throw new IllegalStateException("unhandled type " + type);
        }
        try {
            return b.build().canonicalize();
        } catch (MalformedPackageURLException e) {
            throw new IllegalStateException("cannot build purl for " + type + " " + name + "@" + version, e);
        }
    }

    /** PEP 503 normalised project name: lower case, runs of {@code -_.} replaced by one {@code -}. */
    public static String normalizePypiName(String name) {
        return PEP503_SEPARATORS.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
    }

    /** The distro id part of {@code distro} ("debian" for "debian-12"), or {@code fallback} when none. */
    private String osNamespace(String fallback) {
        if (distro == null || distro.isEmpty()) {
            return fallback;
        }
        int dash = distro.indexOf('-');
        if (dash <= 0 || type == PackageType.APK) {
            return fallback;
        }
        return distro.substring(0, dash);
    }

    /** {@code 1:2.3-4} becomes version {@code 2.3-4} with qualifier {@code epoch=1} (purl-spec deb and rpm). */
    private void versionWithEpochQualifier(PackageURLBuilder b) {
        Matcher m = EPOCH.matcher(version);
        if (m.matches()) {
            b.withVersion(m.group(2)).withQualifier("epoch", m.group(1));
        } else {
            b.withVersion(version);
        }
    }

    private void osQualifiers(PackageURLBuilder b) {
        if (architecture != null && !architecture.isEmpty()) {
            b.withQualifier("arch", architecture);
        }
        if (distro != null && !distro.isEmpty()) {
            b.withQualifier("distro", distro);
        }
    }
}

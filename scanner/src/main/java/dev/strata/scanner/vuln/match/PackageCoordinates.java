package dev.strata.scanner.vuln.match;

import dev.strata.scanner.report.OsSummary;
import dev.strata.scanner.report.PackageSummary;

import java.util.Locale;
import java.util.Set;

/**
 * Maps a detected package (and the image's OS) to the advisory key to look up: Debian by source package and
 * {@code Debian:<major>}, Alpine by origin and {@code Alpine:v<major.minor>}, Maven by {@code group:artifact}, npm by
 * name, PyPI by PEP 503 name, Go by module path (the toolchain as {@code stdlib}). Language packages owned by an OS
 * package are left to the OS advisories. Pure and thread-safe.
 */
public final class PackageCoordinates {

    private static final Set<String> LANGUAGE_TYPES = Set.of("maven", "npm", "pypi", "golang");

    private PackageCoordinates() {
    }

    /** The key to look {@code pkg} up under, or why it is not matched; {@code os} may be null. */
    public static Coordinates of(PackageSummary pkg, OsSummary os) {
        String type = pkg.type() == null ? "" : pkg.type();
        if (isBlank(pkg.name()) || isBlank(pkg.version())) {
            return new Coordinates.NotMatched("package without name or version");
        }
        if (LANGUAGE_TYPES.contains(type) && pkg.ownedBy() != null) {
            return new Coordinates.NotMatched("owned by OS package " + pkg.ownedBy() + ", covered by its advisories");
        }
        return switch (type) {
            case "deb" -> debian(pkg, os);
            case "apk" -> alpine(pkg, os);
            case "maven" -> isBlank(pkg.namespace())
                    ? new Coordinates.NotMatched("maven package without groupId")
                    : lookup("Maven", pkg.namespace() + ":" + pkg.name(), pkg.version(), null);
            case "npm" -> lookup("npm", npmName(pkg), pkg.version(), null);
            case "pypi" -> lookup("PyPI", pep503(pkg.name()), pkg.version(), null);
            case "golang" -> lookup("Go", pkg.name(), pkg.version(), null);
            case "rpm" -> new Coordinates.NotMatched("rpm advisories not supported yet");
            default -> new Coordinates.NotMatched("package type '" + type + "' not supported");
        };
    }

    /** PEP 503 normalisation: lower case, runs of {@code -_.} become one {@code -}. */
    public static String pep503(String name) {
        return name.replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
    }

    private static Coordinates debian(PackageSummary pkg, OsSummary os) {
        if (os == null || !"debian".equals(os.id()) || isBlank(os.versionId())) {
            return new Coordinates.NotMatched("deb package on an OS other than a numbered Debian release");
        }
        String major = os.versionId().split("\\.", 2)[0];
        String codename = !isBlank(os.versionCodename()) ? os.versionCodename() : DebianReleases.codename(major).orElse(null);
        if (codename == null) {
            return new Coordinates.NotMatched("unknown codename for Debian " + major);
        }
        boolean hasSource = !isBlank(pkg.sourceName());
        String name = hasSource ? pkg.sourceName() : pkg.name();
        String version = hasSource && !isBlank(pkg.sourceVersion()) ? pkg.sourceVersion() : pkg.version();
        return lookup("Debian:" + major, name, version, codename);
    }

    private static Coordinates alpine(PackageSummary pkg, OsSummary os) {
        if (os == null || !"alpine".equals(os.id()) || isBlank(os.versionId())) {
            return new Coordinates.NotMatched("apk package on an OS other than a numbered Alpine release");
        }
        String[] parts = os.versionId().split("\\.");
        if (parts.length < 2) {
            return new Coordinates.NotMatched("Alpine VERSION_ID without minor version: " + os.versionId());
        }
        String release = "v" + parts[0] + "." + parts[1];
        String origin = isBlank(pkg.sourceName()) ? pkg.name() : pkg.sourceName();
        return lookup("Alpine:" + release, origin, pkg.version(), release);
    }

    /** Scoped npm packages carry the scope in the namespace ({@code @types}); OSV names them {@code @types/node}. */
    private static String npmName(PackageSummary pkg) {
        return isBlank(pkg.namespace()) ? pkg.name() : pkg.namespace() + "/" + pkg.name();
    }

    private static Coordinates lookup(String ecosystem, String name, String version, String release) {
        return new Coordinates.Lookup(new AdvisoryKey(ecosystem, name, version, release));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}

package dev.strata.scanner.vuln.version;

import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.maven.artifact.versioning.ComparableVersion;

/** The version schemes Strata can order, and the mapping from OSV ecosystem names to them. */
public enum VersionSchemes implements VersionScheme {

    /** Debian/Ubuntu package versions, ordered as dpkg does ({@link DpkgVersion}). */
    DPKG(DpkgVersion::compare, DpkgVersion::isValid),
    /** Alpine/Wolfi/Chainguard apk package versions, ordered by the apk-tools rules ({@link ApkVersion}). */
    APK(ApkVersion::compare, ApkVersion::isValid),
    /** RPM {@code [epoch:]version[-release]} ordered as rpm does ({@link RpmVersion}). */
    RPM(RpmVersion::compare, RpmVersion::isValid),
    /** Maven versions, ordered by Maven's own {@link ComparableVersion}; every non-blank string without whitespace is valid. */
    MAVEN(VersionSchemes::compareMaven, VersionSchemes::isValidMaven),
    /** SemVer 2.0.0 precedence (npm, crates.io, OSV {@code SEMVER} ranges); an optional leading {@code v} is accepted, build metadata ignored ({@link SemVer}). */
    SEMVER(SemVer::compare, SemVer::isValid),
    /** Go module versions: SemVer with optional {@code v}, shorthands, pseudo-versions, {@code +incompatible} ignored ({@link GoVersion}). */
    GO(GoVersion::compare, GoVersion::isValid),
    /** Python package versions ordered by PEP 440 ({@link Pep440Version}). */
    PEP440(Pep440Version::compare, Pep440Version::isValid),
    /** RubyGems versions ordered like {@code Gem::Version} ({@link GemVersion}). */
    RUBYGEMS(GemVersion::compare, GemVersion::isValid);

    private final Comparator<String> order;
    private final Predicate<String> validity;

    VersionSchemes(Comparator<String> order, Predicate<String> validity) {
        this.order = order;
        this.validity = validity;
    }

    /** Orders two versions by this scheme; throws {@link IllegalArgumentException} naming a version it cannot order. */
    @Override
    public int compare(String a, String b) {
        return order.compare(a, b);
    }

    /** True if {@code version} is non-null and well formed in this scheme. */
    @Override
    public boolean isValid(String version) {
        return version != null && validity.test(version);
    }

    /** The scheme for an OSV ecosystem name such as {@code Debian:12} or {@code PyPI}; throws {@link IllegalArgumentException} for an ecosystem without one. */
    public static VersionSchemes forEcosystem(String osvEcosystem) {
        return lookup(osvEcosystem).orElseThrow(() ->
                new IllegalArgumentException("no version scheme for OSV ecosystem '" + osvEcosystem + "'"));
    }

    /** The scheme for an OSV ecosystem name, matched on the part before the first {@code :} (case-insensitive), or empty if Strata has none. */
    public static Optional<VersionSchemes> lookup(String osvEcosystem) {
        Objects.requireNonNull(osvEcosystem, "osvEcosystem");
        int colon = osvEcosystem.indexOf(':');
        String base = (colon >= 0 ? osvEcosystem.substring(0, colon) : osvEcosystem).strip().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(switch (base) {
            case "debian", "ubuntu" -> DPKG;
            case "alpine", "wolfi", "chainguard" -> APK;
            case "red hat", "rocky linux", "almalinux", "suse", "opensuse", "mageia", "openeuler", "photon os",
                 "azure linux", "openmandriva" -> RPM;
            case "maven" -> MAVEN;
            case "npm", "crates.io" -> SEMVER;
            case "pypi" -> PEP440;
            case "go" -> GO;
            case "rubygems" -> RUBYGEMS;
            default -> null;
        });
    }

    private static int compareMaven(String a, String b) {
        requireMaven(a);
        requireMaven(b);
        return new ComparableVersion(a).compareTo(new ComparableVersion(b));
    }

    private static boolean isValidMaven(String v) {
        return !v.isBlank() && v.chars().noneMatch(Character::isWhitespace);
    }

    private static void requireMaven(String v) {
        if (v == null || !isValidMaven(v)) {
            throw new IllegalArgumentException("invalid Maven version '" + v + "': blank or contains whitespace");
        }
    }
}

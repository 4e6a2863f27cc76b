package dev.strata.scanner.vuln.version;

import java.util.Objects;
import org.semver4j.Semver;

/** SemVer 2.0.0 precedence through semver4j: strict syntax, optional leading {@code v}, build metadata ignored. */
public final class SemVer {

    private SemVer() {
    }

    /** Parses a strict SemVer 2.0.0 version (leading {@code v} allowed), throwing {@link IllegalArgumentException} naming it otherwise. */
    public static Semver parse(String version) {
        Objects.requireNonNull(version, "version");
        Semver v = version.isBlank() ? null : Semver.parse(version);
        if (v == null) {
            throw new IllegalArgumentException("invalid SemVer version '" + version + "'");
        }
        return v;
    }

    /** True if {@code version} is strict SemVer 2.0.0 (leading {@code v} allowed; numeric parts must fit in an int). */
    public static boolean isValid(String version) {
        return version != null && !version.isBlank() && Semver.isValid(version);
    }

    /** SemVer precedence: major, minor, patch, then prerelease identifiers (numeric below alphanumeric; release above prerelease). */
    public static int compare(String a, String b) {
        return parse(a).compareTo(parse(b));
    }
}

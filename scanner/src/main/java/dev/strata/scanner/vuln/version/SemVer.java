package dev.strata.scanner.vuln.version;

import java.util.Objects;
import org.semver4j.Semver;

/**
 * SemVer 2.0.0 precedence through semver4j: strict syntax, optional leading {@code v}, build metadata ignored.
 * Limits of semver4j: major/minor/patch must fit in an {@code int} and numeric pre-release identifiers in a
 * {@code long}; larger numbers are refused with {@link IllegalArgumentException}.
 */
public final class SemVer {

    private SemVer() {
    }

    /** Parses a strict SemVer 2.0.0 version (leading {@code v} allowed), throwing {@link IllegalArgumentException} naming it otherwise. */
    public static Semver parse(String version) {
        Objects.requireNonNull(version, "version");
        Semver v = null;
        try {
            v = version.isBlank() ? null : Semver.parse(version);
            if (v != null) {
                // semver4j parses numeric pre-release identifiers as longs only when comparing; check them here.
                for (String id : v.getPreRelease()) {
                    if (!id.isEmpty() && id.chars().allMatch(c -> c >= '0' && c <= '9')) {
                        Long.parseLong(id);
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid SemVer version '" + version + "': " + e.getMessage(), e);
        }
        if (v == null) {
            throw new IllegalArgumentException("invalid SemVer version '" + version + "'");
        }
        return v;
    }

    /** True if {@code version} is strict SemVer 2.0.0 (leading {@code v} allowed) within semver4j's number limits. */
    public static boolean isValid(String version) {
        if (version == null) {
            return false;
        }
        try {
            parse(version);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** SemVer precedence: major, minor, patch, then pre-release identifiers (numeric below alphanumeric; a release above its pre-releases). */
    public static int compare(String a, String b) {
        return parse(a).compareTo(parse(b));
    }
}

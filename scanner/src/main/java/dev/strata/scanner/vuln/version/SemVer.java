package dev.strata.scanner.vuln.version;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SemVer 2.0.0 version ordered by SemVer precedence (§11): strict syntax, optional leading {@code v}, surrounding
 * whitespace ignored, build metadata ignored for ordering, numbers of any length.
 */
public final class SemVer implements Comparable<SemVer> {

    private static final String NUM = "0|[1-9][0-9]*";
    private static final String PRE_ID = NUM + "|[0-9]*[A-Za-z-][0-9A-Za-z-]*";
    private static final Pattern SYNTAX = Pattern.compile(
            "v?(" + NUM + ")\\.(" + NUM + ")\\.(" + NUM + ")"
            + "(?:-((?:" + PRE_ID + ")(?:\\.(?:" + PRE_ID + "))*))?"
            + "(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?");

    private final String major;
    private final String minor;
    private final String patch;
    private final List<String> preRelease;
    private final String build;

    private SemVer(String major, String minor, String patch, List<String> preRelease, String build) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.preRelease = preRelease;
        this.build = build;
    }

    /** Parses a strict SemVer 2.0.0 version (leading {@code v} allowed), throwing {@link IllegalArgumentException} naming it otherwise. */
    public static SemVer parse(String version) {
        Objects.requireNonNull(version, "version");
        Matcher m = SYNTAX.matcher(version.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid SemVer version '" + version + "'");
        }
        List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
        return new SemVer(m.group(1), m.group(2), m.group(3), pre, m.group(5) == null ? "" : m.group(5));
    }

    /** True if {@code version} is strict SemVer 2.0.0 (leading {@code v} allowed). */
    public static boolean isValid(String version) {
        return version != null && SYNTAX.matcher(version.strip()).matches();
    }

    /** Compares two version strings by SemVer precedence; throws {@link IllegalArgumentException} for an invalid one. */
    public static int compare(String a, String b) {
        return parse(a).compareTo(parse(b));
    }

    /** The pre-release identifiers, empty for a release. */
    public List<String> preRelease() {
        return preRelease;
    }

    /** The build metadata without {@code +}, empty when absent. */
    public String build() {
        return build;
    }

    /** SemVer precedence: major, minor, patch numerically; a release above its pre-releases; pre-release identifiers left to right (numeric ones numerically and below alphanumeric ones, which compare in ASCII order); more identifiers win a tie. */
    @Override
    public int compareTo(SemVer o) {
        int c = DpkgVersion.compareDigits(major, o.major);
        if (c == 0) {
            c = DpkgVersion.compareDigits(minor, o.minor);
        }
        if (c == 0) {
            c = DpkgVersion.compareDigits(patch, o.patch);
        }
        if (c != 0) {
            return c;
        }
        if (preRelease.isEmpty() || o.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), o.preRelease.isEmpty());
        }
        for (int i = 0; i < Math.min(preRelease.size(), o.preRelease.size()); i++) {
            String x = preRelease.get(i);
            String y = o.preRelease.get(i);
            boolean xn = isNumeric(x);
            boolean yn = isNumeric(y);
            if (xn && yn) {
                c = DpkgVersion.compareDigits(x, y);
            } else if (xn || yn) {
                c = xn ? -1 : 1;
            } else {
                c = Integer.signum(x.compareTo(y));
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(preRelease.size(), o.preRelease.size());
    }

    /** Equal when precedence is equal (build metadata ignored). */
    @Override
    public boolean equals(Object o) {
        return o instanceof SemVer v && compareTo(v) == 0;
    }

    /** Consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return Objects.hash(major, minor, patch, preRelease);
    }

    /** The normalized version, without a leading {@code v}. */
    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (preRelease.isEmpty() ? "" : "-" + String.join(".", preRelease))
                + (build.isEmpty() ? "" : "+" + build);
    }

    private static boolean isNumeric(String id) {
        for (int i = 0; i < id.length(); i++) {
            if (!DpkgVersion.isDigit(id.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}

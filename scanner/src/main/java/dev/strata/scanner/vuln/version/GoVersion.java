package dev.strata.scanner.vuln.version;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Go module versions: SemVer with a {@code v} prefix (optional here, since OSV writes Go versions without it), the
 * shorthands {@code v1} and {@code v1.2} (meaning {@code v1.0.0}, {@code v1.2.0}), pseudo-versions
 * ({@code v0.0.0-20210101000000-abcdef123456}) ordered as the pre-releases they are, and build metadata such as
 * {@code +incompatible} ignored. Unlike Go's {@code semver.Compare}, which sorts invalid versions first, invalid
 * versions are refused with {@link IllegalArgumentException}.
 */
public final class GoVersion {

    private static final Pattern SHORTHAND = Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))?");
    /** Pseudo-version shapes from the Go modules reference: X.0.0-T-H, X.Y.(Z+1)-0.T-H, X.Y.Z-pre.0.T-H. */
    private static final Pattern PSEUDO = Pattern.compile("[0-9]+\\.(?:0\\.0-|[0-9]+\\.[0-9]+-(?:[^+]*\\.)?0\\.)[0-9]{14}-[A-Za-z0-9]+");

    private GoVersion() {
    }

    /** The equivalent plain SemVer string (no {@code v}, shorthands expanded, build metadata dropped); throws {@link IllegalArgumentException} naming an invalid version. */
    public static String canonical(String version) {
        Objects.requireNonNull(version, "version");
        String s = version.startsWith("v") ? version.substring(1) : version;
        int plus = s.indexOf('+');
        String core = plus >= 0 ? s.substring(0, plus) : s;
        String build = plus >= 0 ? s.substring(plus) : "";
        if (build.isEmpty() && SHORTHAND.matcher(core).matches()) {
            core = core.indexOf('.') >= 0 ? core + ".0" : core + ".0.0";
        }
        boolean clean = !core.isEmpty() && Character.isDigit(core.charAt(0)) && s.chars().noneMatch(Character::isWhitespace);
        if (!clean || !SemVer.isValid(core + build)) {
            throw new IllegalArgumentException("invalid Go module version '" + version + "'");
        }
        return core;
    }

    /** True if {@code version} is a valid Go module version (with or without the {@code v}). */
    public static boolean isValid(String version) {
        if (version == null) {
            return false;
        }
        try {
            canonical(version);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Go module version precedence (SemVer precedence after {@link #canonical}). */
    public static int compare(String a, String b) {
        return SemVer.compare(canonical(a), canonical(b));
    }

    /** True if {@code version} is a pseudo-version ({@code vX.Y.Z-[pre.]0.yyyymmddhhmmss-abcdef123456} or {@code vX.0.0-yyyymmddhhmmss-abcdef123456}). */
    public static boolean isPseudoVersion(String version) {
        return isValid(version) && PSEUDO.matcher(canonical(version)).matches();
    }
}

package dev.strata.scanner.vuln.version;

import java.util.Objects;

/**
 * An RPM {@code [epoch:]version[-release]} ordered as rpm 4.18 does (epoch numerically, then version and release by
 * {@link #compareSegments rpmvercmp}); a missing epoch is 0 and a missing release sorts before any release.
 */
public final class RpmVersion implements Comparable<RpmVersion> {

    private final String epoch;
    private final String version;
    private final String release;

    private RpmVersion(String epoch, String version, String release) {
        this.epoch = epoch;
        this.version = version;
        this.release = release;
    }

    /** Parses an EVR string (epoch = leading digits before {@code :}, release = after the last {@code -}); throws {@link IllegalArgumentException} naming it if blank, containing whitespace, or with an empty version or release. */
    public static RpmVersion parse(String evr) {
        Objects.requireNonNull(evr, "evr");
        if (evr.isEmpty() || evr.chars().anyMatch(Character::isWhitespace)) {
            throw invalid(evr, "empty or contains whitespace");
        }
        int k = 0;
        while (k < evr.length() && DpkgVersion.isDigit(evr.charAt(k))) {
            k++;
        }
        String epoch = "";
        String rest = evr;
        if (k < evr.length() && evr.charAt(k) == ':') {
            epoch = DpkgVersion.stripLeadingZeros(evr.substring(0, k));
            rest = evr.substring(k + 1);
        }
        String release = null;
        int hyphen = rest.lastIndexOf('-');
        if (hyphen >= 0) {
            release = rest.substring(hyphen + 1);
            rest = rest.substring(0, hyphen);
            if (release.isEmpty()) {
                throw invalid(evr, "empty release");
            }
        }
        if (rest.isEmpty()) {
            throw invalid(evr, "empty version");
        }
        return new RpmVersion(epoch, rest, release);
    }

    /** True if {@code evr} parses and its version and release use only {@code [A-Za-z0-9._+~^]} (no {@code -} or {@code :} inside them). */
    public static boolean isValid(String evr) {
        RpmVersion v;
        try {
            v = parse(evr);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return plain(v.version) && (v.release == null || plain(v.release));
    }

    /** Compares two EVR strings as rpm does; throws {@link IllegalArgumentException} for one {@link #parse} refuses. */
    public static int compare(String a, String b) {
        return parse(a).compareTo(parse(b));
    }

    /** The epoch without leading zeros, empty for epoch 0 or none. */
    public String epoch() {
        return epoch;
    }

    /** The version part. */
    public String version() {
        return version;
    }

    /** The release part, or null when absent. */
    public String release() {
        return release;
    }

    /** Epoch numerically, then version, then release by rpmvercmp, a missing release sorting first. */
    @Override
    public int compareTo(RpmVersion o) {
        int c = DpkgVersion.compareDigits(epoch, o.epoch);
        if (c != 0) {
            return c;
        }
        c = compareSegments(version, o.version);
        if (c != 0) {
            return c;
        }
        if (release == null || o.release == null) {
            return release == null ? (o.release == null ? 0 : -1) : 1;
        }
        return compareSegments(release, o.release);
    }

    /** Equal when {@link #compareTo} is zero. */
    @Override
    public boolean equals(Object o) {
        return o instanceof RpmVersion v && compareTo(v) == 0;
    }

    /** Consistent with {@link #equals}: hashes only the epoch and whether a release is present. */
    @Override
    public int hashCode() {
        return Objects.hash(epoch, release == null);
    }

    /** The version in {@code epoch:version-release} form, omitting absent parts. */
    @Override
    public String toString() {
        return (epoch.isEmpty() ? "" : epoch + ":") + version + (release == null ? "" : "-" + release);
    }

    /**
     * rpmvercmp: skip separators (anything but ASCII letters, digits, {@code ~} and {@code ^}); {@code ~} sorts before
     * anything, even the end; {@code ^} sorts after the end but before any other segment; then compare maximal digit
     * runs numerically or letter runs by ASCII, a digit run beating a letter run; whichever string has more left wins.
     */
    public static int compareSegments(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            while (i < a.length() && isSeparator(a.charAt(i))) {
                i++;
            }
            while (j < b.length() && isSeparator(b.charAt(j))) {
                j++;
            }
            boolean aTilde = i < a.length() && a.charAt(i) == '~';
            boolean bTilde = j < b.length() && b.charAt(j) == '~';
            if (aTilde || bTilde) {
                if (!aTilde) {
                    return 1;
                }
                if (!bTilde) {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            boolean aCaret = i < a.length() && a.charAt(i) == '^';
            boolean bCaret = j < b.length() && b.charAt(j) == '^';
            if (aCaret || bCaret) {
                if (i >= a.length()) {
                    return -1;
                }
                if (j >= b.length()) {
                    return 1;
                }
                if (!aCaret) {
                    return 1;
                }
                if (!bCaret) {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (i >= a.length() || j >= b.length()) {
                break;
            }
            boolean numeric = DpkgVersion.isDigit(a.charAt(i));
            int si = i;
            int sj = j;
            if (numeric) {
                while (i < a.length() && DpkgVersion.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && DpkgVersion.isDigit(b.charAt(j))) {
                    j++;
                }
            } else {
                while (i < a.length() && DpkgVersion.isAsciiLetter(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && DpkgVersion.isAsciiLetter(b.charAt(j))) {
                    j++;
                }
            }
            if (sj == j) {
                // Segments of different kinds: a number beats letters.
                return numeric ? 1 : -1;
            }
            String sa = a.substring(si, i);
            String sb = b.substring(sj, j);
            int c = numeric
                    ? DpkgVersion.compareDigits(DpkgVersion.stripLeadingZeros(sa), DpkgVersion.stripLeadingZeros(sb))
                    : Integer.signum(sa.compareTo(sb));
            if (c != 0) {
                return c;
            }
        }
        if (i >= a.length() && j >= b.length()) {
            return 0;
        }
        return i >= a.length() ? -1 : 1;
    }

    private static boolean isSeparator(char c) {
        return !DpkgVersion.isAsciiAlnum(c) && c != '~' && c != '^';
    }

    private static boolean plain(String part) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (!DpkgVersion.isAsciiAlnum(c) && "._+~^".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static IllegalArgumentException invalid(String evr, String why) {
        return new IllegalArgumentException("invalid RPM version '" + evr + "': " + why);
    }
}

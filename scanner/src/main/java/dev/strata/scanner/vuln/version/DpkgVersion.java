package dev.strata.scanner.vuln.version;

import java.util.Objects;

/**
 * A Debian package version {@code [epoch:]upstream[-revision]} ordered as in Debian Policy §5.6.12 and
 * {@code dpkg --compare-versions}.
 *
 * <p>{@link #parse} rejects what dpkg rejects as an error (empty parts, bad epoch, embedded spaces) and accepts
 * what dpkg only warns about (upstream not starting with a digit, unusual characters); {@link #isValid} is strict.
 */
public final class DpkgVersion implements Comparable<DpkgVersion> {

    private static final String MAX_EPOCH = Integer.toString(Integer.MAX_VALUE);

    private final String epoch;
    private final String upstream;
    private final String revision;

    private DpkgVersion(String epoch, String upstream, String revision) {
        this.epoch = epoch;
        this.upstream = upstream;
        this.revision = revision;
    }

    /** Parses {@code version}, throwing {@link IllegalArgumentException} naming it if dpkg would refuse it. */
    public static DpkgVersion parse(String version) {
        Objects.requireNonNull(version, "version");
        String s = version.strip();
        if (s.isEmpty()) {
            throw invalid(version, "version string is empty");
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                throw invalid(version, "version string has embedded spaces");
            }
        }
        String epoch = "0";
        int colon = s.indexOf(':');
        if (colon >= 0) {
            String e = s.substring(0, colon);
            if (e.isEmpty()) {
                throw invalid(version, "epoch in version is empty");
            }
            if (!allDigits(e)) {
                throw invalid(version, "epoch in version is not a number");
            }
            e = stripLeadingZeros(e);
            if (compareDigits(e, MAX_EPOCH) > 0) {
                throw invalid(version, "epoch in version is too big");
            }
            epoch = e.isEmpty() ? "0" : e;
            s = s.substring(colon + 1);
            if (s.isEmpty()) {
                throw invalid(version, "nothing after colon in version number");
            }
        }
        String upstream = s;
        String revision = "";
        int hyphen = s.lastIndexOf('-');
        if (hyphen >= 0) {
            upstream = s.substring(0, hyphen);
            revision = s.substring(hyphen + 1);
            if (revision.isEmpty()) {
                throw invalid(version, "revision number is empty");
            }
        }
        if (upstream.isEmpty()) {
            throw invalid(version, "version number is empty");
        }
        return new DpkgVersion(epoch, upstream, revision);
    }

    /** True if {@code version} parses and also meets Policy's character rules (upstream starts with a digit; only {@code [A-Za-z0-9.+~-:]} in upstream and {@code [A-Za-z0-9.+~]} in revision). */
    public static boolean isValid(String version) {
        DpkgVersion v;
        try {
            v = parse(version);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (!isDigit(v.upstream.charAt(0))) {
            return false;
        }
        for (int i = 0; i < v.upstream.length(); i++) {
            char c = v.upstream.charAt(i);
            if (!isAsciiAlnum(c) && ".-+~:".indexOf(c) < 0) {
                return false;
            }
        }
        for (int i = 0; i < v.revision.length(); i++) {
            char c = v.revision.charAt(i);
            if (!isAsciiAlnum(c) && ".+~".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Compares two version strings as {@code dpkg --compare-versions} does; throws {@link IllegalArgumentException} for a version dpkg refuses. */
    public static int compare(String a, String b) {
        return parse(a).compareTo(parse(b));
    }

    /** The epoch as a decimal string without leading zeros ({@code "0"} when absent). */
    public String epoch() {
        return epoch;
    }

    /** The upstream version part. */
    public String upstream() {
        return upstream;
    }

    /** The Debian revision, empty when absent (which orders like {@code "0"}). */
    public String revision() {
        return revision;
    }

    /** Orders by epoch numerically, then upstream and revision by the Policy §5.6.12 algorithm. */
    @Override
    public int compareTo(DpkgVersion o) {
        int c = compareDigits(epoch, o.epoch);
        if (c != 0) {
            return c;
        }
        c = comparePart(upstream, o.upstream);
        if (c != 0) {
            return c;
        }
        return comparePart(revision, o.revision);
    }

    /** Equal when {@link #compareTo} is zero (so {@code 1.0} equals {@code 0:1.0-0}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof DpkgVersion v && compareTo(v) == 0;
    }

    /** Consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return Objects.hash(epoch, canonicalForHash(upstream), canonicalForHash(revision));
    }

    /** The version in {@code epoch:upstream-revision} form, omitting a zero epoch and an empty revision. */
    @Override
    public String toString() {
        return ("0".equals(epoch) ? "" : epoch + ":") + upstream + (revision.isEmpty() ? "" : "-" + revision);
    }

    /**
     * Policy §5.6.12: alternate non-digit and digit runs. Non-digit runs compare character by character where
     * {@code ~} sorts before everything (even the end), then the end of the run, then letters, then other characters;
     * digit runs compare numerically (an empty run counts as zero).
     */
    static int comparePart(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            // Non-digit run: compare char weights until both runs are exhausted.
            while ((i < a.length() && !isDigit(a.charAt(i))) || (j < b.length() && !isDigit(b.charAt(j)))) {
                int wa = weight(a, i);
                int wb = weight(b, j);
                if (wa != wb) {
                    return Integer.compare(wa, wb);
                }
                if (i < a.length() && !isDigit(a.charAt(i))) {
                    i++;
                }
                if (j < b.length() && !isDigit(b.charAt(j))) {
                    j++;
                }
            }
            // Digit run: compare numerically as strings without leading zeros.
            int si = i;
            while (i < a.length() && isDigit(a.charAt(i))) {
                i++;
            }
            int sj = j;
            while (j < b.length() && isDigit(b.charAt(j))) {
                j++;
            }
            int c = compareDigits(stripLeadingZeros(a.substring(si, i)), stripLeadingZeros(b.substring(sj, j)));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Weight of the character at {@code i} inside a non-digit run: {@code ~} lowest, end-of-run 0, letters, then others. */
    private static int weight(String s, int i) {
        if (i >= s.length() || isDigit(s.charAt(i))) {
            return 0;
        }
        char c = s.charAt(i);
        if (c == '~') {
            return -1;
        }
        if (isAsciiLetter(c)) {
            return c;
        }
        return c + 256;
    }

    /** Compares two digit strings without leading zeros numerically (the empty string is zero). */
    static int compareDigits(String a, String b) {
        if (a.length() != b.length()) {
            return Integer.compare(a.length(), b.length());
        }
        return Integer.signum(a.compareTo(b));
    }

    static String stripLeadingZeros(String digits) {
        int k = 0;
        while (k < digits.length() && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }

    private static String canonicalForHash(String part) {
        // Leading zeros and a missing trailing number do not change the ordering; drop digits entirely for a coarse but consistent hash.
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (!isDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAsciiAlnum(char c) {
        return isDigit(c) || isAsciiLetter(c);
    }

    private static IllegalArgumentException invalid(String version, String why) {
        return new IllegalArgumentException("invalid Debian version '" + version + "': " + why);
    }
}

package dev.strata.scanner.vuln.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A RubyGems version ordered like {@code Gem::Version}: dot-separated parts split further into digit and letter runs
 * ({@code 1.0.a10} is {@code 1.0.a.10}); {@code -} means {@code .pre.}; a letter part makes a pre-release, which sorts
 * below any number at the same position; trailing zeros are ignored (separately before and after the first letter
 * part); letter parts compare in ASCII order. A blank string is version {@code 0}.
 */
public final class GemVersion implements Comparable<GemVersion> {

    private static final Pattern SYNTAX =
            Pattern.compile("[0-9]+(?:\\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");
    private static final Pattern SEGMENT = Pattern.compile("[0-9]+|[a-zA-Z]+");

    private final String text;
    /** Canonical segments: BigInteger or String, trailing zeros removed. */
    private final List<Object> segments;

    private GemVersion(String text, List<Object> segments) {
        this.text = text;
        this.segments = segments;
    }

    /** Parses a RubyGems version, throwing {@link IllegalArgumentException} naming it if {@code Gem::Version} would refuse it. */
    public static GemVersion parse(String version) {
        Objects.requireNonNull(version, "version");
        String s = version.strip();
        if (s.isEmpty()) {
            s = "0";
        }
        if (!SYNTAX.matcher(s).matches()) {
            throw new IllegalArgumentException("invalid RubyGems version '" + version + "'");
        }
        Matcher m = SEGMENT.matcher(s.replace("-", ".pre."));
        List<Object> numeric = new ArrayList<>();
        List<Object> rest = new ArrayList<>();
        while (m.find()) {
            String seg = m.group();
            Object value = DpkgVersion.isDigit(seg.charAt(0)) ? new BigInteger(seg) : seg;
            (rest.isEmpty() && value instanceof BigInteger ? numeric : rest).add(value);
        }
        dropTrailingZeros(numeric);
        dropTrailingZeros(rest);
        numeric.addAll(rest);
        return new GemVersion(version, List.copyOf(numeric));
    }

    /** True if {@code version} is a version {@code Gem::Version} accepts (a blank string counts, as version 0). */
    public static boolean isValid(String version) {
        if (version == null) {
            return false;
        }
        String s = version.strip();
        return s.isEmpty() || SYNTAX.matcher(s).matches();
    }

    /** Compares two version strings as {@code Gem::Version#<=>} does; throws {@link IllegalArgumentException} for an invalid one. */
    public static int compare(String a, String b) {
        return parse(a).compareTo(parse(b));
    }

    /** True if any part contains a letter (RubyGems' definition of a pre-release). */
    public boolean isPreRelease() {
        return segments.stream().anyMatch(String.class::isInstance);
    }

    /** Segment by segment (missing ones count as 0): letters below numbers, numbers numerically, letters in ASCII order. */
    @Override
    public int compareTo(GemVersion o) {
        int n = Math.max(segments.size(), o.segments.size());
        for (int i = 0; i < n; i++) {
            Object x = i < segments.size() ? segments.get(i) : BigInteger.ZERO;
            Object y = i < o.segments.size() ? o.segments.get(i) : BigInteger.ZERO;
            int c;
            if (x instanceof BigInteger xi && y instanceof BigInteger yi) {
                c = xi.compareTo(yi);
            } else if (x instanceof String xs && y instanceof String ys) {
                c = Integer.signum(xs.compareTo(ys));
            } else {
                c = x instanceof String ? -1 : 1;
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Equal when {@link #compareTo} is zero ({@code 1.0 == 1}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof GemVersion v && compareTo(v) == 0;
    }

    /** Consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        List<Object> trimmed = new ArrayList<>(segments);
        dropTrailingZeros(trimmed);
        return trimmed.hashCode();
    }

    /** The version as given. */
    @Override
    public String toString() {
        return text;
    }

    private static void dropTrailingZeros(List<Object> segs) {
        while (!segs.isEmpty() && BigInteger.ZERO.equals(segs.get(segs.size() - 1))) {
            segs.remove(segs.size() - 1);
        }
    }
}

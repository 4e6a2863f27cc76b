package dev.strata.scanner.vuln.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python package version ordered by PEP 440: epoch, release (trailing zeros ignored), pre-release ({@code a < b < rc},
 * spellings {@code alpha beta c pre preview} normalised), post-release ({@code .postN}, {@code -N}, {@code rev}, {@code r}),
 * dev-release, then local label ({@code +x}), which sorts a local version after its public version as PEP 440 requires.
 * Parsing is case-insensitive and allows a leading {@code v} and surrounding whitespace; legacy (non-PEP 440) versions
 * are refused with {@link IllegalArgumentException}.
 */
public final class Pep440Version implements Comparable<Pep440Version> {

    private static final Pattern SYNTAX = Pattern.compile(
            "v?"
            + "(?:(?<epoch>[0-9]+)!)?"
            + "(?<release>[0-9]+(?:\\.[0-9]+)*)"
            + "(?<pre>[-_.]?(?<prel>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<pren>[0-9]+)?)?"
            + "(?<post>-(?<postn1>[0-9]+)|[-_.]?(?<postl>post|rev|r)[-_.]?(?<postn2>[0-9]+)?)?"
            + "(?<dev>[-_.]?dev[-_.]?(?<devn>[0-9]+)?)?"
            + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?",
            Pattern.CASE_INSENSITIVE);

    private final String text;
    private final BigInteger epoch;
    private final List<BigInteger> release;
    /** Pre-release phase 0 (a), 1 (b), 2 (rc); -1 when absent. */
    private final int prePhase;
    private final BigInteger preNumber;
    private final BigInteger post;
    private final BigInteger dev;
    /** Local segments, each a BigInteger or a lower-case String; null when absent. */
    private final List<Object> local;

    private Pep440Version(String text, BigInteger epoch, List<BigInteger> release, int prePhase, BigInteger preNumber,
            BigInteger post, BigInteger dev, List<Object> local) {
        this.text = text;
        this.epoch = epoch;
        this.release = release;
        this.prePhase = prePhase;
        this.preNumber = preNumber;
        this.post = post;
        this.dev = dev;
        this.local = local;
    }

    /** Parses a PEP 440 version, throwing {@link IllegalArgumentException} naming it if it is not one. */
    public static Pep440Version parse(String version) {
        Objects.requireNonNull(version, "version");
        Matcher m = SYNTAX.matcher(version.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid PEP 440 version '" + version + "'");
        }
        BigInteger epoch = m.group("epoch") == null ? BigInteger.ZERO : new BigInteger(m.group("epoch"));
        List<BigInteger> release = new ArrayList<>();
        for (String part : m.group("release").split("\\.")) {
            release.add(new BigInteger(part));
        }
        while (release.size() > 1 && release.get(release.size() - 1).signum() == 0) {
            release.remove(release.size() - 1);
        }
        int prePhase = -1;
        BigInteger preNumber = BigInteger.ZERO;
        if (m.group("pre") != null) {
            prePhase = switch (m.group("prel").toLowerCase(Locale.ROOT)) {
                case "a", "alpha" -> 0;
                case "b", "beta" -> 1;
                default -> 2; // c, rc, pre, preview
            };
            preNumber = number(m.group("pren"));
        }
        BigInteger post = null;
        if (m.group("post") != null) {
            post = number(m.group("postn1") != null ? m.group("postn1") : m.group("postn2"));
        }
        BigInteger dev = m.group("dev") == null ? null : number(m.group("devn"));
        List<Object> local = null;
        if (m.group("local") != null) {
            local = new ArrayList<>();
            for (String seg : m.group("local").toLowerCase(Locale.ROOT).split("[-_.]")) {
                local.add(seg.chars().allMatch(Character::isDigit) ? new BigInteger(seg) : seg);
            }
            local = Collections.unmodifiableList(local);
        }
        return new Pep440Version(version, epoch, List.copyOf(release), prePhase, preNumber, post, dev, local);
    }

    /** True if {@code version} is a valid PEP 440 version (in any of its permitted spellings). */
    public static boolean isValid(String version) {
        return version != null && SYNTAX.matcher(version.strip()).matches();
    }

    /** Compares two version strings by PEP 440; throws {@link IllegalArgumentException} for a non-PEP 440 version. */
    public static int compare(String a, String b) {
        return parse(a).compareTo(parse(b));
    }

    /** True if this version has a pre-release or dev-release part. */
    public boolean isPreRelease() {
        return prePhase >= 0 || dev != null;
    }

    /** PEP 440 ordering; see the class comment. */
    @Override
    public int compareTo(Pep440Version o) {
        int c = epoch.compareTo(o.epoch);
        if (c != 0) {
            return c;
        }
        c = compareRelease(release, o.release);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(preRank(), o.preRank());
        if (c != 0) {
            return c;
        }
        if (prePhase >= 0) {
            c = preNumber.compareTo(o.preNumber);
            if (c != 0) {
                return c;
            }
        }
        // No post-release sorts before any post-release.
        c = compareNullable(post, o.post, -1);
        if (c != 0) {
            return c;
        }
        // No dev-release sorts after any dev-release.
        c = compareNullable(dev, o.dev, 1);
        if (c != 0) {
            return c;
        }
        return compareLocal(local, o.local);
    }

    /** Equal when {@link #compareTo} is zero (so {@code 1.0}, {@code 1.0.0} and {@code V1.0} are equal). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Pep440Version v && compareTo(v) == 0;
    }

    /** Consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return Objects.hash(epoch, release, prePhase, prePhase >= 0 ? preNumber : null, post, dev, local);
    }

    /** The version as given. */
    @Override
    public String toString() {
        return text;
    }

    /** Rank of the pre-release position: dev-only releases first, then a, b, rc, then final/post releases. */
    private int preRank() {
        if (prePhase >= 0) {
            return prePhase;
        }
        if (post == null && dev != null) {
            return -1; // 1.0.dev1 sorts before 1.0a1
        }
        return 3;
    }

    private static int compareRelease(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Compares possibly-absent numbers; {@code absentSign} is the sign of absent vs present. */
    private static int compareNullable(BigInteger a, BigInteger b, int absentSign) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : absentSign) : -absentSign;
        }
        return a.compareTo(b);
    }

    /** No local label first; then segment by segment, alphanumeric segments before numeric ones; shorter prefix first. */
    private static int compareLocal(List<Object> a, List<Object> b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            int c;
            if (x instanceof BigInteger xi && y instanceof BigInteger yi) {
                c = xi.compareTo(yi);
            } else if (x instanceof String xs && y instanceof String ys) {
                c = xs.compareTo(ys);
            } else {
                c = x instanceof BigInteger ? 1 : -1;
            }
            if (c != 0) {
                return Integer.signum(c);
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static BigInteger number(String digits) {
        return digits == null ? BigInteger.ZERO : new BigInteger(digits);
    }
}

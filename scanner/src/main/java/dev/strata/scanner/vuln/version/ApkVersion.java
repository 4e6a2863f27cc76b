package dev.strata.scanner.vuln.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An Alpine package version {@code N(.N)*[a-z](_suffix[N])*[-rN]} ordered by the apk-tools (2.x) version rules.
 *
 * <p>The string is read as a stream of tokens (numbers, one letter, suffixes {@code _alpha _beta _pre _rc}, which
 * sort before the release, and {@code _cvs _svn _git _hg _p}, which sort after, each with an optional number, and the
 * {@code -rN} revision). Equal tokens are skipped; the first differing value decides; where one version has a different
 * kind of token (or ends), a pre-release suffix sorts lower, otherwise the version whose next token kind comes later
 * in that list (ending counts as last) sorts lower. As in apk-tools 2.14 (Alpine 3.19), a dot-component with leading
 * zeros is read as a count of extra zeros followed by the number ({@code 1.05 < 1.1}, {@code 1.001 < 1.01}), and numbers
 * of 18 or more digits are invalid. Unlike apk, which orders invalid strings arbitrarily, strings apk-tools would call
 * invalid, strings not starting with a digit, ending in a separator, or with a {@code ~hash} part are refused with
 * {@link IllegalArgumentException}.
 */
public final class ApkVersion implements Comparable<ApkVersion> {

    private static final String[] PRE_SUFFIXES = {"alpha", "beta", "pre", "rc"};
    private static final String[] POST_SUFFIXES = {"cvs", "svn", "git", "hg", "p"};
    private static final int MAX_DIGITS = 18;

    /** Token kinds, in the order that decides between versions that diverge in kind. */
    private enum Kind { DIGIT_OR_ZERO, DIGIT, LETTER, SUFFIX, SUFFIX_NO, REVISION_NO, END, INVALID }

    private record Token(Kind kind, long value) {
    }

    private final String text;
    private final List<Token> tokens;

    private ApkVersion(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    /** Parses an apk version, throwing {@link IllegalArgumentException} naming it if it is not valid. */
    public static ApkVersion parse(String version) {
        Objects.requireNonNull(version, "version");
        List<Token> tokens = tokenize(version);
        if (tokens == null) {
            throw new IllegalArgumentException("invalid Alpine (apk) version '" + version + "'");
        }
        return new ApkVersion(version, tokens);
    }

    /** True if {@code version} starts with a digit and is a valid apk version. */
    public static boolean isValid(String version) {
        return version != null && tokenize(version) != null;
    }

    /** Compares two version strings as {@code apk version -t} does for valid versions; throws {@link IllegalArgumentException} for an invalid one. */
    public static int compare(String a, String b) {
        return parse(a).compareTo(parse(b));
    }

    /** apk-tools ordering, see the class comment. */
    @Override
    public int compareTo(ApkVersion o) {
        int n = Math.max(tokens.size(), o.tokens.size());
        for (int i = 0; i <= n; i++) {
            Token a = i < tokens.size() ? tokens.get(i) : null;
            Token b = i < o.tokens.size() ? o.tokens.get(i) : null;
            Kind ka = a == null ? Kind.END : a.kind();
            Kind kb = b == null ? Kind.END : b.kind();
            if (ka != kb) {
                if (ka == Kind.SUFFIX && a.value() < 0) {
                    return -1;
                }
                if (kb == Kind.SUFFIX && b.value() < 0) {
                    return 1;
                }
                return ka.compareTo(kb) > 0 ? -1 : 1;
            }
            if (ka == Kind.END) {
                return 0;
            }
            int c = Long.compare(a.value(), b.value());
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Equal when {@link #compareTo} is zero. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ApkVersion v && compareTo(v) == 0;
    }

    /** Consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return tokens.hashCode();
    }

    /** The version as given. */
    @Override
    public String toString() {
        return text;
    }

    /** Splits a version into tokens, or returns null if it is invalid. */
    private static List<Token> tokenize(String s) {
        if (s.isEmpty() || !DpkgVersion.isDigit(s.charAt(0))) {
            return null;
        }
        List<Token> out = new ArrayList<>();
        Kind kind = Kind.DIGIT;
        int pos = 0;
        while (true) {
            Kind forced = null;
            switch (kind) {
                case DIGIT_OR_ZERO -> {
                    if (s.charAt(pos) == '0') {
                        // A run of n zeros after a dot: the first n-1 count as -(n-1), the last starts the number.
                        int zeros = 0;
                        while (pos + zeros < s.length() && s.charAt(pos + zeros) == '0') {
                            zeros++;
                        }
                        out.add(new Token(kind, 1 - zeros));
                        pos += zeros - 1;
                        forced = Kind.DIGIT;
                    } else {
                        pos = readNumber(s, pos, kind, out);
                    }
                }
                case DIGIT, SUFFIX_NO, REVISION_NO -> pos = readNumber(s, pos, kind, out);
                case LETTER -> out.add(new Token(kind, s.charAt(pos++)));
                case SUFFIX -> {
                    long value = Long.MIN_VALUE;
                    for (int k = 0; k < PRE_SUFFIXES.length && value == Long.MIN_VALUE; k++) {
                        if (s.startsWith(PRE_SUFFIXES[k], pos)) {
                            value = k - PRE_SUFFIXES.length;
                            pos += PRE_SUFFIXES[k].length();
                        }
                    }
                    for (int k = 0; k < POST_SUFFIXES.length && value == Long.MIN_VALUE; k++) {
                        if (s.startsWith(POST_SUFFIXES[k], pos)) {
                            value = k;
                            pos += POST_SUFFIXES[k].length();
                        }
                    }
                    if (value == Long.MIN_VALUE) {
                        return null;
                    }
                    out.add(new Token(kind, value));
                }
                default -> {
                    return null;
                }
            }
            if (pos < 0) {
                return null; // number too long
            }
            if (pos >= s.length()) {
                return List.copyOf(out);
            }
            if (forced != null) {
                kind = forced;
                continue;
            }
            kind = nextKind(s, pos, kind);
            if (kind == Kind.INVALID) {
                return null;
            }
            pos += separatorLength(kind);
            if (pos >= s.length()) {
                return null; // a trailing separator such as "1.0." or "1.0-r"
            }
        }
    }

    /** Reads a (possibly empty) digit run as a token; returns the new position, or -1 if it has 18 or more digits as apk refuses. */
    private static int readNumber(String s, int pos, Kind kind, List<Token> out) {
        int start = pos;
        while (pos < s.length() && DpkgVersion.isDigit(s.charAt(pos))) {
            pos++;
        }
        if (pos - start >= MAX_DIGITS) {
            return -1;
        }
        out.add(new Token(kind, start == pos ? 0 : Long.parseLong(s.substring(start, pos))));
        return pos;
    }

    /** The kind of the token starting at {@code pos}, after a token read as {@code previous}. */
    private static Kind nextKind(String s, int pos, Kind previous) {
        char c = s.charAt(pos);
        Kind next;
        if ((previous == Kind.DIGIT || previous == Kind.DIGIT_OR_ZERO) && c >= 'a' && c <= 'z') {
            next = Kind.LETTER;
        } else if (previous == Kind.LETTER && DpkgVersion.isDigit(c)) {
            next = Kind.DIGIT;
        } else if (previous == Kind.SUFFIX && DpkgVersion.isDigit(c)) {
            next = Kind.SUFFIX_NO;
        } else if (c == '.') {
            next = Kind.DIGIT_OR_ZERO;
        } else if (c == '_') {
            next = Kind.SUFFIX;
        } else if (c == '-' && pos + 1 < s.length() && s.charAt(pos + 1) == 'r') {
            next = Kind.REVISION_NO;
        } else {
            return Kind.INVALID;
        }
        boolean goesBack = next.compareTo(previous) < 0;
        boolean allowedBack = (next == Kind.DIGIT_OR_ZERO && previous == Kind.DIGIT)
                || (next == Kind.SUFFIX && previous == Kind.SUFFIX_NO)
                || (next == Kind.DIGIT && previous == Kind.LETTER);
        return goesBack && !allowedBack ? Kind.INVALID : next;
    }

    /** Characters to skip before a token of {@code kind}: its separator, if it has one. */
    private static int separatorLength(Kind kind) {
        return switch (kind) {
            case DIGIT_OR_ZERO, SUFFIX -> 1;
            case REVISION_NO -> 2;
            default -> 0;
        };
    }
}

package dev.strata.scanner.vuln.match;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** A finding's severity, declared from most to least severe (so natural order sorts severity descending). */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN;

    /** The level of a CVSS base score: ≥9 critical, ≥7 high, ≥4 medium, &gt;0 low, else unknown. */
    public static Severity ofScore(double baseScore) {
        if (baseScore >= 9.0) {
            return CRITICAL;
        }
        if (baseScore >= 7.0) {
            return HIGH;
        }
        if (baseScore >= 4.0) {
            return MEDIUM;
        }
        return baseScore > 0 ? LOW : UNKNOWN;
    }

    /**
     * Parses a {@code --severity} list such as {@code CRITICAL,high}; names are case-insensitive, blanks around commas
     * are ignored; an unknown name throws {@link IllegalArgumentException} naming it.
     */
    public static Set<Severity> parseList(String list) {
        Set<Severity> out = EnumSet.noneOf(Severity.class);
        for (String part : list.split(",")) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            try {
                out.add(valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown severity '" + part.strip() + "'", e);
            }
        }
        return out;
    }
}

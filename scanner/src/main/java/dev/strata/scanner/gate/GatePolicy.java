package dev.strata.scanner.gate;

import dev.strata.scanner.vuln.match.Finding;
import dev.strata.scanner.vuln.match.FindingStatus;
import dev.strata.scanner.vuln.match.Severity;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What the gate fails on: {@code failOn} is the severity threshold (null: no gate, the verdict always passes);
 * findings whose status is in {@code ignoredStatuses} ({@code --ignore-status}) do not count.
 */
public record GatePolicy(Severity failOn, Set<FindingStatus> ignoredStatuses) {

    public GatePolicy {
        ignoredStatuses = ignoredStatuses == null || ignoredStatuses.isEmpty()
                ? Set.of() : Set.copyOf(EnumSet.copyOf(ignoredStatuses));
    }

    /** No threshold, nothing ignored. */
    public static GatePolicy none() {
        return new GatePolicy(null, Set.of());
    }

    /** Whether {@code finding} counts at all: its status is not ignored. */
    public boolean counts(Finding finding) {
        return !ignoredStatuses.contains(finding.status());
    }

    /** Whether {@code severity} is at or above the threshold ({@code HIGH} is at or above {@code HIGH}). */
    public boolean atOrAboveThreshold(Severity severity) {
        return failOn != null && severity.compareTo(failOn) <= 0;
    }

    /**
     * Parses a {@code --ignore-status} list such as {@code wont-fix,unfixed}: names are case-insensitive, {@code -}
     * and {@code _} are the same; an unknown name throws {@link IllegalArgumentException} naming it and the choices.
     */
    public static Set<FindingStatus> parseStatuses(String list) {
        Set<FindingStatus> out = EnumSet.noneOf(FindingStatus.class);
        for (String part : list.split(",")) {
            String name = part.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            if (name.isEmpty()) {
                continue;
            }
            try {
                out.add(FindingStatus.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown status '" + part.strip()
                        + "' (expected fixed, unfixed or wont-fix)", e);
            }
        }
        return out;
    }

    /** Parses a {@code --fail-on} severity, case-insensitive; an unknown name throws naming it. */
    public static Severity parseSeverity(String name) {
        try {
            return Severity.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + name.strip()
                    + "' (expected critical, high, medium, low or unknown)", e);
        }
    }
}

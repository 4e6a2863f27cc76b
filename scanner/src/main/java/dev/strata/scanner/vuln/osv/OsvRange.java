package dev.strata.scanner.vuln.osv;

import java.util.List;
import java.util.Objects;

/** One OSV range: its type, the repository URL (GIT ranges only, else null) and its events in record order. */
public record OsvRange(Type type, String repo, List<RangeEvent> events) {

    /** The OSV range types. */
    public enum Type {
        /** Versions ordered by SemVer 2.0.0 precedence. */
        SEMVER,
        /** Versions ordered by the ecosystem's own rules. */
        ECOSYSTEM,
        /** Git commit hashes; ordering needs the repository's history. */
        GIT
    }

    public OsvRange {
        Objects.requireNonNull(type, "type");
        events = List.copyOf(events);
    }
}

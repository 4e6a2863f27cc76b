package dev.strata.scanner.vuln.osv;

import java.util.Objects;

/** One event of an OSV range; each event object in the JSON has exactly one of these four keys. */
public sealed interface RangeEvent {

    /** The version (or commit) this event names. */
    String version();

    /** Versions at or after this one are affected; {@code "0"} means from the beginning. */
    record Introduced(String version) implements RangeEvent {
        public Introduced {
            Objects.requireNonNull(version, "version");
        }

        /** True for the special {@code "0"} that sorts before every version. */
        public boolean isZero() {
            return "0".equals(version);
        }
    }

    /** Versions at or after this one are no longer affected. */
    record Fixed(String version) implements RangeEvent {
        public Fixed {
            Objects.requireNonNull(version, "version");
        }
    }

    /** This version is the last affected one; versions after it are not affected. */
    record LastAffected(String version) implements RangeEvent {
        public LastAffected {
            Objects.requireNonNull(version, "version");
        }
    }

    /** Versions at or after this one are outside the range; {@code "*"} means no limit. */
    record Limit(String version) implements RangeEvent {
        public Limit {
            Objects.requireNonNull(version, "version");
        }

        /** True for the special {@code "*"} (unbounded). */
        public boolean isUnbounded() {
            return "*".equals(version);
        }
    }
}

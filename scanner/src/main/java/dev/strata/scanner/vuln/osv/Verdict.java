package dev.strata.scanner.vuln.osv;

import java.util.Objects;
import java.util.Optional;

/** Whether an installed version is affected by an OSV entry: affected (with the fixing version if known), not affected, or undecidable. */
public sealed interface Verdict {

    /** The shared not-affected verdict. */
    Verdict NOT_AFFECTED = new NotAffected();

    /** Affected; {@code fixedVersion} is the lowest {@code fixed} event above the installed version in the range that matched, or null if none (no fix, or matched only through {@code versions[]}). */
    record Affected(String fixedVersion) implements Verdict {

        /** The version to upgrade to, if the advisory names one. */
        public Optional<String> fixed() {
            return Optional.ofNullable(fixedVersion);
        }
    }

    /** Not affected: no range or listed version covers the installed version. */
    record NotAffected() implements Verdict {
    }

    /** Strata cannot decide (unknown ecosystem ordering, unparsable version, only GIT ranges…); {@code reason} says why. */
    record Unknown(String reason) implements Verdict {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }
    }
}

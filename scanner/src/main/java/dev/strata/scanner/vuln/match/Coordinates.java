package dev.strata.scanner.vuln.match;

import java.util.Objects;

/** What {@link PackageCoordinates} decided for one package: an advisory key to look up, or why none. */
public sealed interface Coordinates {

    /** Look the package up under {@code key}. */
    record Lookup(AdvisoryKey key) implements Coordinates {
        public Lookup {
            Objects.requireNonNull(key, "key");
        }
    }

    /** The package is not matched; {@code reason} says why (owned by an OS package, no groupId, unsupported type…). */
    record NotMatched(String reason) implements Coordinates {
        public NotMatched {
            Objects.requireNonNull(reason, "reason");
        }
    }
}

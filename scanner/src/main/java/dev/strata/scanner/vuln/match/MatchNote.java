package dev.strata.scanner.vuln.match;

import java.util.Objects;

/** A package or advisory the matcher could not decide on, and why; {@code advisoryId} is null for whole packages. */
public record MatchNote(String packagePurl, String advisoryId, String reason) {

    public MatchNote {
        Objects.requireNonNull(reason, "reason");
    }
}

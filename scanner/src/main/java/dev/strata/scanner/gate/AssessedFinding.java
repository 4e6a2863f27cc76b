package dev.strata.scanner.gate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.strata.scanner.vuln.match.Finding;

import java.util.Objects;

/** A finding and, when an ignore entry or VEX statement applies, the suppression (null when it counts). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssessedFinding(@JsonUnwrapped Finding finding, Suppression suppressedBy) {

    public AssessedFinding {
        Objects.requireNonNull(finding, "finding");
    }

    /** Whether the finding was suppressed. */
    public boolean suppressed() {
        return suppressedBy != null;
    }
}

package dev.strata.scanner.vuln.match;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Whether a fix exists for a finding: a fixed version is known, none yet, or the distro will not fix it. In JSON
 * reports they read {@code fixed}, {@code unfixed} and {@code wont-fix}.
 */
public enum FindingStatus {
    /** Upgrading to the finding's fixed version removes it. */
    @JsonProperty("fixed") FIXED,
    /** Affected and no fixed version is known (yet, or deferred to a later point release). */
    @JsonProperty("unfixed") UNFIXED,
    /** Affected and the distribution says it will not issue a fix. */
    @JsonProperty("wont-fix") WONT_FIX
}

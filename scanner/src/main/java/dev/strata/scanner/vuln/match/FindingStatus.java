package dev.strata.scanner.vuln.match;

/** Whether a fix exists for a finding: a fixed version is known, none yet, or the distro will not fix it. */
public enum FindingStatus {
    /** Upgrading to the finding's fixed version removes it. */
    FIXED,
    /** Affected and no fixed version is known (yet, or deferred to a later point release). */
    UNFIXED,
    /** Affected and the distribution says it will not issue a fix. */
    WONT_FIX
}

package dev.strata.scanner.vuln.feeds;

/** What the Debian Security Tracker says about one issue in one release. */
public enum DebianStatus {
    /** {@code resolved} with a real {@code fixed_version}: versions below it are affected. */
    FIXED,
    /** {@code open}: every version in the release is affected, no fix yet. */
    OPEN,
    /** {@code fixed_version "0"}: the release never shipped the vulnerable code. */
    NOT_AFFECTED,
    /** {@code undetermined}: the security team has not decided yet. */
    UNDETERMINED
}

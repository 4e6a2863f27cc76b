package dev.strata.scanner.vuln.feeds;

import java.util.Map;
import java.util.Objects;

/**
 * One (source package, issue, release) triple of the Debian Security Tracker JSON.
 *
 * @param sourcePackage Debian source package name (top-level key)
 * @param id issue name, a CVE id or a tracker id such as {@code TEMP-0000000-1A2B3C}
 * @param cve true when {@code id} is a CVE id ({@code CVE-YYYY-NNNN…}); other ids are kept but flagged by this
 * @param description the description, or null
 * @param scope {@code remote}, {@code local} or null
 * @param debianBug the Debian bug number, or null
 * @param release release codename ({@code bookworm}, {@code sid}…)
 * @param status the release's status, with {@code fixed_version "0"} mapped to {@link DebianStatus#NOT_AFFECTED}
 * @param fixedVersion the dpkg version that fixes the issue, only for {@link DebianStatus#FIXED}, else null
 * @param urgency the urgency without the {@code **} suffix (e.g. {@code high}), or null
 * @param noDsa the {@code nodsa} text (e.g. {@code Minor issue}), or null when absent
 * @param noDsaReason the {@code nodsa_reason} ({@code ""}, {@code ignored}, {@code postponed}…), or null
 * @param nextPointUpdate true when the fix is scheduled for the next point release
 * @param repositories suite → version currently in that suite, as given by the tracker
 */
public record DebianAdvisory(
        String sourcePackage,
        String id,
        boolean cve,
        String description,
        String scope,
        Long debianBug,
        String release,
        DebianStatus status,
        String fixedVersion,
        String urgency,
        String noDsa,
        String noDsaReason,
        boolean nextPointUpdate,
        Map<String, String> repositories) {

    /** Validates the fixed-version/status invariant and copies the repository map. */
    public DebianAdvisory {
        Objects.requireNonNull(sourcePackage, "sourcePackage");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(status, "status");
        if ((status == DebianStatus.FIXED) != (fixedVersion != null)) {
            throw new IllegalArgumentException("fixedVersion must be set exactly for FIXED: " + status + " " + fixedVersion);
        }
        repositories = repositories == null ? Map.of() : Map.copyOf(repositories);
    }
}

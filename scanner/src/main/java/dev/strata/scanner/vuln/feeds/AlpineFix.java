package dev.strata.scanner.vuln.feeds;

import java.util.Objects;

/**
 * One id from an Alpine secdb {@code secfixes} map.
 *
 * @param distroVersion the secdb's {@code distroversion}, e.g. {@code v3.19}
 * @param repoName the secdb's {@code reponame} ({@code main}, {@code community}), or null
 * @param origin the origin (source) package name, {@code pkg.name}
 * @param fixedVersion the apk version that fixes it, or null when the key was {@code "0"} (never affected)
 * @param id one advisory id ({@code CVE-…}, {@code XSA-…}, {@code ALPINE-…})
 */
public record AlpineFix(String distroVersion, String repoName, String origin, String fixedVersion, String id) {

    /** Requires the distro version, origin and id. */
    public AlpineFix {
        Objects.requireNonNull(distroVersion, "distroVersion");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(id, "id");
    }

    /** True for the {@code "0"} key: the package was never affected. */
    public boolean notAffected() {
        return fixedVersion == null;
    }
}

package dev.strata.scanner.vuln.match;

import java.util.Objects;

/**
 * One advisory lookup for a package: the OSV-style {@code ecosystem} (e.g. {@code Debian:12}, {@code Maven}), the
 * advisory {@code name} (source package, {@code group:artifact}…), the {@code version} to compare, and the distro
 * {@code release} the feeds key on ({@code bookworm}, {@code v3.19}), null for language ecosystems.
 */
public record AdvisoryKey(String ecosystem, String name, String version, String release) {

    public AdvisoryKey {
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }
}

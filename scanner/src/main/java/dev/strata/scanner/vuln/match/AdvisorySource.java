package dev.strata.scanner.vuln.match;

import java.util.List;

/** Where the matcher finds advisories: everything stored for one (ecosystem, package name) key. */
public interface AdvisorySource {

    /**
     * The advisories stored under {@code ecosystem} (as in {@link AdvisoryKey#ecosystem()}, e.g. {@code Debian:12},
     * {@code Maven}) and {@code name}, compared exactly; empty when none. Implementations must be thread-safe.
     */
    List<Advisory> lookup(String ecosystem, String name);
}

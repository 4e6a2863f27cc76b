package dev.strata.scanner.vuln.version;

import java.util.Comparator;

/**
 * The ordering and syntax of version strings in one packaging ecosystem; the only implementations are the
 * constants of {@link VersionSchemes}.
 */
public sealed interface VersionScheme extends Comparator<String> permits VersionSchemes {

    /** Negative, zero or positive as {@code a} sorts before, equal to or after {@code b}; throws {@link IllegalArgumentException} naming a version this scheme cannot order. */
    @Override
    int compare(String a, String b);

    /** True if {@code version} is well formed in this scheme (stricter than what {@link #compare} tolerates where the scheme's reference tool tolerates more). */
    boolean isValid(String version);
}

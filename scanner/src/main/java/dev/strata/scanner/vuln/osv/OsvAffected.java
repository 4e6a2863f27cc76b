package dev.strata.scanner.vuln.osv;

import java.util.List;
import java.util.Objects;

/**
 * One OSV {@code affected} entry. {@code ecosystemSpecific} and {@code databaseSpecific} are the raw JSON text of
 * those objects, or null; lists are never null.
 */
public record OsvAffected(
        OsvPackage pkg,
        List<OsvSeverity> severity,
        List<OsvRange> ranges,
        List<String> versions,
        String ecosystemSpecific,
        String databaseSpecific) {

    public OsvAffected {
        Objects.requireNonNull(pkg, "pkg");
        severity = List.copyOf(severity);
        ranges = List.copyOf(ranges);
        versions = List.copyOf(versions);
    }
}

package dev.strata.scanner.vuln.osv;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One OSV advisory. {@code published}, {@code withdrawn}, {@code summary}, {@code details} and
 * {@code databaseSpecific} (the raw JSON text of that object) may be null; lists are never null.
 * {@code credits} and unknown top-level fields are not modelled.
 */
public record OsvRecord(
        String schemaVersion,
        String id,
        Instant modified,
        Instant published,
        Instant withdrawn,
        List<String> aliases,
        List<String> upstream,
        List<String> related,
        String summary,
        String details,
        List<OsvSeverity> severity,
        List<OsvAffected> affected,
        List<OsvReference> references,
        String databaseSpecific) {

    public OsvRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(modified, "modified");
        aliases = List.copyOf(aliases);
        upstream = List.copyOf(upstream);
        related = List.copyOf(related);
        severity = List.copyOf(severity);
        affected = List.copyOf(affected);
        references = List.copyOf(references);
    }

    /** True if the record carries a {@code withdrawn} time: osv.dev keeps withdrawn records, and callers must skip them. */
    public boolean isWithdrawn() {
        return withdrawn != null;
    }

    /** The withdrawal time, if the record was withdrawn. */
    public Optional<Instant> withdrawnAt() {
        return Optional.ofNullable(withdrawn);
    }
}

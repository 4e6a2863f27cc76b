package dev.strata.index.advisory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the database holds from one source ({@code osv}, {@code debian-tracker}, {@code alpine-secdb}).
 *
 * @param source the source name, {@code osv}, {@code debian-tracker} or {@code alpine-secdb}
 * @param importedAt when this source was last imported
 * @param files the files read by that last import
 * @param documentsByEcosystem stored documents (one per advisory and package) per ecosystem, over the whole database
 * @param withdrawn OSV records skipped by the last import because they were withdrawn
 * @param malformed records or entries skipped by the last import because they were malformed
 * @param malformedNames names of the malformed ones with the reason (at most {@link #MAX_NAMES})
 */
public record SourceStatus(String source, Instant importedAt, List<String> files, Map<String, Long> documentsByEcosystem,
                           long withdrawn, long malformed, List<String> malformedNames) {
    /** How many malformed entries are named; the rest are only counted. */
    public static final int MAX_NAMES = 200;

    public SourceStatus {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(importedAt, "importedAt");
        files = List.copyOf(files);
        documentsByEcosystem = Map.copyOf(documentsByEcosystem);
        malformedNames = List.copyOf(malformedNames);
    }

    /** Total stored documents of this source. */
    public long documents() {
        return documentsByEcosystem.values().stream().mapToLong(Long::longValue).sum();
    }
}

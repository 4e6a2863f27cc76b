package dev.strata.scanner.vuln.osv;

import java.util.Objects;

/** A zip entry {@link OsvZipReader} skipped: the zip, the entry, the record id if it could be read (else null), and why. */
public record SkippedRecord(String zipName, String entryName, String recordId, String message) {

    public SkippedRecord {
        Objects.requireNonNull(zipName, "zipName");
        Objects.requireNonNull(entryName, "entryName");
        Objects.requireNonNull(message, "message");
    }
}

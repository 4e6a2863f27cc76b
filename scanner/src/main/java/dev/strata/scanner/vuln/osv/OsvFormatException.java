package dev.strata.scanner.vuln.osv;

import java.io.IOException;

/** An OSV record that cannot be read: the message names the source (file), the record id when known, and the problem. */
public final class OsvFormatException extends IOException {

    private final String source;
    private final String recordId;

    public OsvFormatException(String source, String recordId, String problem, Throwable cause) {
        super(describe(source, recordId) + ": " + problem, cause);
        this.source = source;
        this.recordId = recordId;
    }

    public OsvFormatException(String source, String recordId, String problem) {
        this(source, recordId, problem, null);
    }

    /** Where the record came from (file or zip entry name), as given to the parser. */
    public String source() {
        return source;
    }

    /** The record id if it could be read before the problem, else null. */
    public String recordId() {
        return recordId;
    }

    private static String describe(String source, String recordId) {
        String where = source == null ? "OSV record" : "OSV record " + source;
        return recordId == null ? where : where + " (" + recordId + ")";
    }
}

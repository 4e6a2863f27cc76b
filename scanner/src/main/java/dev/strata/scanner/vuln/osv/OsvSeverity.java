package dev.strata.scanner.vuln.osv;

import java.util.Objects;

/** One OSV {@code severity} entry: a type such as {@code CVSS_V3} or {@code Ubuntu} and its score (a vector or a word). */
public record OsvSeverity(String type, String score) {

    public OsvSeverity {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(score, "score");
    }
}

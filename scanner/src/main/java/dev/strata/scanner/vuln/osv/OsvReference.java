package dev.strata.scanner.vuln.osv;

import java.util.Objects;

/** One OSV {@code references} entry: a type such as {@code ADVISORY} or {@code WEB} and its URL. */
public record OsvReference(String type, String url) {

    public OsvReference {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
    }
}

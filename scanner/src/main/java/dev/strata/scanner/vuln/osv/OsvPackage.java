package dev.strata.scanner.vuln.osv;

import java.util.Objects;

/** The package of an OSV {@code affected} entry; {@code purl} may be null. */
public record OsvPackage(String ecosystem, String name, String purl) {

    public OsvPackage {
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(name, "name");
    }
}

package dev.strata.scanner.gate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One VEX statement, whatever document it came from: the vulnerability's name and aliases, the product purls and
 * subcomponent purls it is about, its status, justification label and impact statement (both nullable), when it was
 * made (nullable), and {@code source} (the document, for messages) with its position there ({@code order}).
 */
public record VexStatement(String vulnerability, List<String> aliases, List<String> products,
                           List<String> subcomponents, VexStatus status, String justification,
                           String impactStatement, Instant timestamp, String source, int order) {

    public VexStatement {
        Objects.requireNonNull(vulnerability, "vulnerability");
        Objects.requireNonNull(status, "status");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        products = products == null ? List.of() : List.copyOf(products);
        subcomponents = subcomponents == null ? List.of() : List.copyOf(subcomponents);
    }

    /** The suppression this statement stands for. */
    public Suppression.ByVex suppression() {
        return new Suppression.ByVex(source, vulnerability, status.label(), justification, impactStatement);
    }
}

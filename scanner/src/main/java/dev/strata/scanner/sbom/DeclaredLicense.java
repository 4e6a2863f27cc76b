package dev.strata.scanner.sbom;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A license string as a package declared it, with the SPDX license expression it unambiguously stands for
 * ({@code spdxExpression}), or null when it is no SPDX id or expression and must be kept as a name.
 */
public record DeclaredLicense(String declared, String spdxExpression) {

    private static final Pattern SINGLE_ID = Pattern.compile("[A-Za-z0-9.-]+");

    public DeclaredLicense {
        Objects.requireNonNull(declared, "declared");
    }

    /** Whether an SPDX expression was found. */
    public boolean isSpdx() {
        return spdxExpression != null;
    }

    /** Whether the expression is one listed license id (no operator, no {@code +}). */
    public boolean isSingleId() {
        return spdxExpression != null && SINGLE_ID.matcher(spdxExpression).matches();
    }
}

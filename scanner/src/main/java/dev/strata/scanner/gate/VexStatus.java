package dev.strata.scanner.gate;

import java.util.Locale;

/** The impact status of a VEX statement, as OpenVEX names it; CycloneDX analysis states map onto it. */
public enum VexStatus {
    NOT_AFFECTED, AFFECTED, FIXED, UNDER_INVESTIGATION;

    /** Whether a statement with this status suppresses the finding. */
    public boolean suppresses() {
        return this == NOT_AFFECTED || this == FIXED;
    }

    /** The OpenVEX label, e.g. {@code not_affected}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.strata.server;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Silences Micrometer's warning that the HTTP server instances sharing the port register the same gauge
 * again (the registration is ignored; nothing is lost that the operator could act on).
 */
final class QuietLogging {
    private static final Logger METER_REGISTRY = Logger.getLogger("io.micrometer.core.instrument.MeterRegistry");

    private QuietLogging() {
    }

    static void apply() {
        METER_REGISTRY.setLevel(Level.SEVERE);
    }
}

package dev.strata.app;

/** Timing and diagnostic lines on stderr, printed only when {@code STRATA_DEBUG} is set. */
final class DebugLog {
    private static final boolean ENABLED = System.getenv("STRATA_DEBUG") != null;

    private DebugLog() {
    }

    static void log(String format, Object... args) {
        if (ENABLED) {
            System.err.printf("strata: debug: " + format + "%n", args);
        }
    }
}

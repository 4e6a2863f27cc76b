package dev.strata.app;

/** Timing and diagnostic lines on stderr, printed only when {@code STRATA_DEBUG} is set. */
public final class DebugLog {
    private static final boolean ENABLED = System.getenv("STRATA_DEBUG") != null;

    private DebugLog() {
    }

    public static void log(String format, Object... args) {
        if (ENABLED) {
            long sinceStart = System.currentTimeMillis()
                    - ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
            System.err.printf("strata: debug: [%d ms] " + format + "%n", concat(sinceStart, args));
        }
    }

    private static Object[] concat(long first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}

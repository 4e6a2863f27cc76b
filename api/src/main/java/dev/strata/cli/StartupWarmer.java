package dev.strata.cli;

import dev.strata.scanner.report.ReportJson;

/**
 * Loads Jackson's classes on a second core while the main thread parses the command line and opens the
 * index: a cold JVM spends about 0.2 s on each, and doing them side by side shortens every command.
 */
final class StartupWarmer {
    private StartupWarmer() {
    }

    static void start() {
        Thread t = new Thread(StartupWarmer::warm, "strata-warmup");
        t.setDaemon(true);
        t.start();
    }

    private static void warm() {
        try {
            ReportJson.mapper().readTree("{\"reportVersion\":0,\"layers\":[],\"packages\":[]}");
            ReportJson.write(java.util.Map.of("warm", true));
        } catch (RuntimeException | java.io.IOException e) {
            // only a head start: any real problem shows up where the mapper is really used
        }
    }
}

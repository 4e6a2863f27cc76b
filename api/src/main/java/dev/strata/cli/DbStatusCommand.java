package dev.strata.cli;

import dev.strata.index.advisory.AdvisoryStore;
import dev.strata.index.advisory.DatabaseStatus;
import dev.strata.index.advisory.SourceStatus;
import dev.strata.scanner.report.ReportJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code strata db status}: the live generation, its sources, record counts per ecosystem and last updates. */
@Command(name = "status", description = "Show the vulnerability database: sources, records per ecosystem, last updates.")
final class DbStatusCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;
    @Mixin
    OutputOptions output;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DatabaseStatus status;
        try (AdvisoryStore store = AdvisoryStore.open(data.directory().root())) {
            status = store.status();
        }
        String text = output.format == OutputOptions.Format.json ? ReportJson.write(json(status)) + "\n" : table(status);
        output.write(text, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /** The status as text: generation line, then one table row per (source, ecosystem). */
    static String table(DatabaseStatus status) {
        StringBuilder out = new StringBuilder();
        out.append("Database  ").append(status.generation()).append(", built ")
                .append(status.builtAt().truncatedTo(ChronoUnit.SECONDS)).append('\n');
        TextTable table = new TextTable("SOURCE", "ECOSYSTEM", "RECORDS", "LAST UPDATE", "WITHDRAWN", "MALFORMED");
        for (SourceStatus s : status.sources()) {
            String updated = s.importedAt().truncatedTo(ChronoUnit.SECONDS).toString();
            if (s.documentsByEcosystem().isEmpty()) {
                table.row(s.source(), "", 0, updated, s.withdrawn(), s.malformed());
            }
            new java.util.TreeMap<>(s.documentsByEcosystem()).forEach((ecosystem, n) ->
                    table.row(s.source(), ecosystem, n, updated, s.withdrawn(), s.malformed()));
        }
        out.append(table.render());
        long total = status.sources().stream().mapToLong(SourceStatus::documents).sum();
        out.append("Total     ").append(total).append(" records (one per advisory and package)\n");
        return out.toString();
    }

    /** One warning line per malformed record or file the sources' last imports skipped. */
    static void warnMalformed(DatabaseStatus status, PrintWriter err) {
        for (SourceStatus s : status.sources()) {
            if (!s.importedAt().equals(status.builtAt())) {
                continue; // not part of this import
            }
            s.malformedNames().forEach(n -> err.println("strata: warning: skipped malformed " + n));
            if (s.malformed() > s.malformedNames().size()) {
                err.println("strata: warning: " + (s.malformed() - s.malformedNames().size()) + " more malformed "
                        + s.source() + " records skipped");
            }
        }
        err.flush();
    }

    private static Map<String, Object> json(DatabaseStatus status) {
        return dev.strata.app.vulndb.DatabaseStatusView.of(status);
    }
}

package dev.strata.cli;

import dev.strata.app.ScanProgress;
import dev.strata.app.Strata;
import dev.strata.scanner.registry.RegistryRouting;
import dev.strata.scanner.registry.RegistryWarmup;
import dev.strata.app.VulnerabilityScan;
import dev.strata.scanner.gate.GateResult;
import dev.strata.scanner.report.ImageSummary;
import dev.strata.scanner.report.LayerSummary;
import dev.strata.scanner.report.ReportJson;
import dev.strata.scanner.report.ScanReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code strata scan IMAGE}: verifies, hashes and indexes every layer, then prints the report. */
@Command(name = "scan", description = "Analyse and index an image; print its report.")
final class ScanCommand implements Callable<Integer> {
    @Mixin
    ImageOptions image;
    @Mixin
    DataOptions data;
    @Mixin
    RemoteOptions remote;
    @Mixin
    RegistryCliOptions registry;
    @Option(names = "--format", paramLabel = "FMT[=FILE]", converter = OutputTarget.Converter.class,
            description = "Output format, repeatable: table, json, sarif, junit, cyclonedx, spdx (default: table); "
                    + "FMT=FILE writes that format to FILE.")
    List<OutputTarget> formats;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the result to FILE instead of stdout.")
    java.nio.file.Path outputFile;
    @Mixin
    VulnerabilityOptions vulnerabilities;
    @Mixin
    GateOptions gate;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (gate.failOn != null && vulnerabilities.skipDb) {
            throw new IllegalArgumentException("--fail-on needs vulnerability matching and cannot be combined with "
                    + "--skip-db (a gate without a database would always pass)");
        }
        List<OutputTarget> targets = OutputTarget.resolve(formats, outputFile);
        GateRun run = GateRun.prepare(gate, Path.of("").toAbsolutePath());
        Terminal terminal = Terminal.detect(System.getenv());
        if (remote.url != null) {
            ScanReport report = vulnerabilities.filter(RemoteScan.scan(remote, image.image, image.platform.platform));
            return run.finish(report, targets, terminal, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        if (RegistryRouting.isRegistryReference(image.image)) {
            RegistryWarmup.start(image.image);
        }
        try (VulnerabilityScan vulns = vulnerabilities.open(data.directory());
             Strata strata = Strata.open(data.directory(), image.limits(), registry.options())) {
            ConsoleProgress progress = terminal.progress(gate.quiet)
                    ? new ConsoleProgress(spec.commandLine().getErr()) : null;
            ScanReport report;
            try {
                report = vulnerabilities.filter(strata.scan(image.image, image.platform(), vulns,
                        progress == null ? ScanProgress.NONE : progress));
            } finally {
                if (progress != null) {
                    progress.finish();
                }
            }
            return run.finish(report, targets, terminal, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    static String table(ScanReport report) {
        return table(report, GateRun.ungated(report), false);
    }

    /** The summary table with the gate's view of the findings, severity headings coloured when {@code colour}. */
    static String table(ScanReport report, GateResult gate, boolean colour) {
        ImageSummary image = report.image();
        StringBuilder out = new StringBuilder();
        out.append("Image     ").append(image.reference()).append('\n');
        out.append("Digest    ").append(image.digest()).append('\n');
        out.append("Config    ").append(image.configDigest()).append('\n');
        out.append("Platform  ").append(image.platform()).append('\n');
        if (!image.repoTags().isEmpty()) {
            out.append("Tags      ").append(String.join(", ", image.repoTags())).append('\n');
        }
        out.append("Layers    ").append(report.layers().size()).append(" (")
                .append(Sizes.human(image.size())).append(" compressed, ")
                .append(Sizes.human(image.uncompressedSize())).append(" uncompressed); final filesystem ")
                .append(image.fileCount()).append(" files, ").append(Sizes.human(image.fileBytes())).append('\n');
        if (report.os() != null) {
            out.append("OS        ").append(report.os().prettyName() != null ? report.os().prettyName()
                    : report.os().distro()).append('\n');
        }
        out.append("Packages  ").append(report.packages().size()).append(packageCounts(report)).append('\n');
        out.append('\n');
        TextTable table = new TextTable("#", "DIGEST", "DIFF ID", "SIZE", "UNCOMPRESSED", "FILES", "CREATED BY");
        for (LayerSummary layer : report.layers()) {
            table.row(layer.index(), shortDigest(layer.digest()), shortDigest(layer.diffId()), Sizes.human(layer.size()),
                    Sizes.human(layer.uncompressedSize()), layer.fileCount(), createdBy(layer.createdBy()));
        }
        out.append(table.render());
        out.append(VulnerabilityTable.render(report, gate, colour));
        for (String warning : report.warnings()) {
            out.append(warning.startsWith("note: ") ? "" : "warning: ").append(warning).append('\n');
        }
        out.append('\n').append(String.format("Scanned in %d ms: %d layer(s) read, %d reused from the index.%n",
                report.stats().elapsedMillis(), report.stats().layersRead(), report.stats().layersReused()));
        return out.toString();
    }

    private static String packageCounts(ScanReport report) {
        java.util.Map<String, Long> byType = new java.util.TreeMap<>();
        report.packages().forEach(p -> byType.merge(p.type(), 1L, Long::sum));
        if (byType.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(" (");
        byType.forEach((type, n) -> out.append(out.length() > 2 ? ", " : "").append(n).append(' ').append(type));
        return out.append(')').toString();
    }

    static String shortDigest(String digest) {
        int colon = digest.indexOf(':');
        return digest.substring(colon + 1, Math.min(digest.length(), colon + 13));
    }

    static String createdBy(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").replace("/bin/sh -c #(nop) ", "").strip();
        return flat.length() > 60 ? flat.substring(0, 57) + "..." : flat;
    }
}

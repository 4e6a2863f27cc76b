package dev.strata.cli;

import dev.strata.app.Strata;
import dev.strata.scanner.report.ScanReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code strata sbom IMAGE --format cyclonedx|spdx}: the image's packages as a CycloneDX 1.6 or SPDX 2.3 document. */
@Command(name = "sbom", description = "Write the image's software bill of materials (CycloneDX 1.6 or SPDX 2.3 JSON).")
final class SbomCommand implements Callable<Integer> {
    /** The SBOM formats. */
    enum Format { cyclonedx, spdx }

    @Mixin
    ImageOptions image;
    @Mixin
    DataOptions data;
    @Option(names = "--format", defaultValue = "cyclonedx", paramLabel = "FORMAT",
            description = "SBOM format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the SBOM to FILE instead of stdout.")
    Path outputFile;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Strata strata = Strata.open(data.directory(), image.limits())) {
            ScanReport report = strata.report(image.image, image.platform());
            ReportRenderer.Format as = format == Format.spdx ? ReportRenderer.Format.spdx : ReportRenderer.Format.cyclonedx;
            OutputOptions.write(ReportRenderer.render(report, as), outputFile, spec.commandLine().getOut());
            return ExitCodes.OK;
        }
    }
}

package dev.strata.cli;

import dev.strata.app.Strata;
import dev.strata.scanner.report.ReportJson;
import dev.strata.scanner.report.ScanReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code strata inspect IMAGE}: JSON shaped like {@code docker image inspect}. */
@Command(name = "inspect", description = "Print image details as JSON, shaped like 'docker image inspect'.")
final class InspectCommand implements Callable<Integer> {
    @Mixin
    ImageOptions image;
    @Mixin
    DataOptions data;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Strata strata = Strata.open(data.directory(), image.limits())) {
            ScanReport report = strata.report(image.image, image.platform());
            spec.commandLine().getOut().println(ReportJson.write(List.of(DockerInspect.of(report))));
            return ExitCodes.OK;
        }
    }
}

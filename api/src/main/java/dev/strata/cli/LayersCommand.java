package dev.strata.cli;

import dev.strata.app.Strata;
import dev.strata.scanner.report.LayerSummary;
import dev.strata.scanner.report.ReportJson;
import dev.strata.scanner.report.ScanReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code strata layers IMAGE}: what each layer added, modified and deleted, in counts and bytes. */
@Command(name = "layers", description = "Show what each layer added, modified and deleted.")
final class LayersCommand implements Callable<Integer> {
    @Mixin
    ImageOptions image;
    @Mixin
    DataOptions data;
    @Mixin
    OutputOptions output;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Strata strata = Strata.open(data.directory(), image.limits())) {
            ScanReport report = strata.report(image.image, image.platform());
            String text;
            if (output.format == OutputOptions.Format.json) {
                text = ReportJson.write(report.layers()) + "\n";
            } else {
                TextTable table = new TextTable("#", "DIFF ID", "SIZE", "ADDED", "MODIFIED", "DELETED", "CREATED BY");
                for (LayerSummary l : report.layers()) {
                    LayerSummary.Changes c = l.changes();
                    table.row(l.index(), ScanCommand.shortDigest(l.diffId()), Sizes.human(l.uncompressedSize()),
                            c.added() + " (" + Sizes.human(c.addedBytes()) + ")",
                            c.modified() + " (" + Sizes.human(c.modifiedBytes()) + ")",
                            c.deleted() + " (" + Sizes.human(c.deletedBytes()) + ")",
                            ScanCommand.createdBy(l.createdBy()));
                }
                text = table.render();
            }
            output.write(text, spec.commandLine().getOut());
            return ExitCodes.OK;
        }
    }
}

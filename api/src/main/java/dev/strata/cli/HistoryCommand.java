package dev.strata.cli;

import dev.strata.app.Strata;
import dev.strata.scanner.report.ImageSummary;
import dev.strata.scanner.report.ReportJson;
import dev.strata.scanner.report.ScanReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code strata history IMAGE}: one row per history entry, newest first, like {@code docker image history}. */
@Command(name = "history", description = "Show the build history of an image, newest first.")
final class HistoryCommand implements Callable<Integer> {
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
            List<ImageSummary.HistoryRow> rows = new ArrayList<>(report.image().history());
            Collections.reverse(rows);
            String text;
            if (output.format == OutputOptions.Format.json) {
                text = ReportJson.write(rows) + "\n";
            } else {
                TextTable table = new TextTable("LAYER", "CREATED", "CREATED BY", "SIZE", "COMMENT");
                for (ImageSummary.HistoryRow row : rows) {
                    table.row(row.emptyLayer() ? "<empty>" : "#" + row.layerIndex(), row.created(),
                            ScanCommand.createdBy(row.createdBy()), row.emptyLayer() ? "0 B" : Sizes.human(row.size()),
                            row.comment());
                }
                text = table.render();
            }
            output.write(text, spec.commandLine().getOut());
            return ExitCodes.OK;
        }
    }
}

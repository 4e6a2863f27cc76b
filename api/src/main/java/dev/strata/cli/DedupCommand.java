package dev.strata.cli;

import dev.strata.app.DedupService;
import dev.strata.index.StrataIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code strata dedup}: layers and file content shared across every indexed image, and each image's base. */
@Command(name = "dedup", description = "Show layers and file content stored more than once across all indexed "
        + "images, the bytes sharing saves, and the base image each image is built on.")
final class DedupCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;
    @Mixin
    OutputOptions output;
    @Spec
    CommandSpec spec;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "Layers and file contents to list, most bytes saved first (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws Exception {
        if (limit < 0) {
            throw new ParameterException(spec.commandLine(), "--limit must be >= 0, got " + limit);
        }
        try (StrataIndex index = StrataIndex.open(data.directory().create())) {
            DedupService.Report report = new DedupService(index).report(limit);
            output.print(report, DedupView::table, spec.commandLine().getOut());
            return ExitCodes.OK;
        }
    }
}

package dev.strata.cli;

import dev.strata.app.ImageDiffService;
import dev.strata.index.StrataIndex;
import dev.strata.scanner.report.ReportJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code strata diff IMAGE_A IMAGE_B}: layers, files, packages and vulnerabilities that differ. */
@Command(name = "diff", description = "Compare two indexed images: layers shared and not, files added/removed/"
        + "changed, packages added/removed/upgraded/downgraded, vulnerabilities fixed/introduced.")
final class DiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IMAGE_A", description = "The older image: digest, short id or tag.")
    String from;
    @Parameters(index = "1", paramLabel = "IMAGE_B", description = "The newer image: digest, short id or tag.")
    String to;
    @Mixin
    DataOptions data;
    @Mixin
    OutputOptions output;
    @Spec
    CommandSpec spec;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
            description = "Paths to list per kind of file change (default: ${DEFAULT-VALUE}); counts cover all.")
    int limit;

    @Override
    public Integer call() throws Exception {
        if (limit < 0) {
            throw new ParameterException(spec.commandLine(), "--limit must be >= 0, got " + limit);
        }
        try (StrataIndex index = StrataIndex.open(data.directory().create())) {
            ImageDiffService.Report report = new ImageDiffService(index).diff(from, to, limit);
            String text = output.format == OutputOptions.Format.json
                    ? ReportJson.write(report) + "\n" : DiffView.table(report);
            output.write(text, spec.commandLine().getOut());
            return ExitCodes.OK;
        }
    }
}

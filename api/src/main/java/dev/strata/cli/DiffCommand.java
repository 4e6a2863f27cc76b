package dev.strata.cli;

import dev.strata.app.ImageDiffService;
import dev.strata.app.VulnerabilityScan;
import dev.strata.index.StrataIndex;
import dev.strata.index.advisory.NoAdvisoryDatabaseException;
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

    @Option(names = "--skip-db", description = "Use only the findings stored in the reports; do not match against "
            + "the vulnerability database.")
    boolean skipDb;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
            description = "Paths to list per kind of file change (default: ${DEFAULT-VALUE}); counts cover all.")
    int limit;

    @Override
    public Integer call() throws Exception {
        if (limit < 0) {
            throw new ParameterException(spec.commandLine(), "--limit must be >= 0, got " + limit);
        }
        java.nio.file.Path root = data.directory().create();
        try (StrataIndex index = StrataIndex.open(root); VulnerabilityScan vulnerabilities = openDatabase(root)) {
            ImageDiffService.Report report = new ImageDiffService(index, vulnerabilities).diff(from, to, limit);
            output.print(report, DiffView::table, spec.commandLine().getOut());
            return ExitCodes.OK;
        }
    }

    /** The vulnerability database, or null with {@code --skip-db} or when none was imported (no findings compared then). */
    private VulnerabilityScan openDatabase(java.nio.file.Path root) throws java.io.IOException {
        if (skipDb) {
            return null;
        }
        try {
            return VulnerabilityScan.open(root);
        } catch (NoAdvisoryDatabaseException e) {
            return null;
        }
    }
}
